import type { DEFAULT_PROMPTS_RESPONSE, HIGH_LEVEL_PROMPT_OPTIONS } from '@compileo/generation';

/** `GET /config/high-level-prompts`: the audiences, purposes and levels a client can offer. */
export type HighLevelPromptsView = typeof HIGH_LEVEL_PROMPT_OPTIONS;

/** `GET /config/default-prompts`: the templates generation really uses, keyed by mode. */
export type DefaultPromptsView = typeof DEFAULT_PROMPTS_RESPONSE;
