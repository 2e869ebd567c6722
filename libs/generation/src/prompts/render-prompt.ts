import type { GenerationMode } from '@compileo/domain';
import { PROMPT_TEMPLATES, type PromptName } from './prompt-templates';

export type PromptVars = Readonly<Partial<Record<string, string>>>;

const PLACEHOLDER = /\{([a-z_]+)\}/g;
const CHUNK = '{chunk}';

/**
 * Fills `{name}` placeholders in one pass (values are inserted literally and never re-scanned; unknown
 * placeholders stay as written). `{chunk}` is substituted last, by splitting the template around it, so
 * document text is never interpreted: braces, `{placeholders}` or `$&` inside it come out verbatim.
 */
export const renderPrompt = (template: string, vars: PromptVars): string => {
  const fill = (part: string): string =>
    part.replace(PLACEHOLDER, (match, name: string) => (name !== 'chunk' && vars[name] !== undefined ? vars[name] : match));
  const parts = template.split(CHUNK).map(fill);
  return vars.chunk === undefined ? parts.join(CHUNK) : parts.join(vars.chunk);
};

const MODE_TEMPLATE: Readonly<Record<GenerationMode, PromptName>> = {
  default: 'qa_pairs',
  qa_pairs: 'qa_pairs',
  question: 'question',
  answer: 'answer',
  summarization: 'summarization',
  instruction: 'instruction',
};

/** Spellings from GET /config/default-prompts accepted as prompt names too. */
const PROMPT_ALIASES: Readonly<Record<string, PromptName>> = {
  'question and answer': 'qa_pairs',
  'instruction following': 'instruction',
};

const isPromptName = (name: string): name is PromptName => Object.prototype.hasOwnProperty.call(PROMPT_TEMPLATES, name);

/** Every accepted `prompt_name`: the templates and their aliases. */
export const PROMPT_NAMES: readonly string[] = [...Object.keys(PROMPT_TEMPLATES), ...Object.keys(PROMPT_ALIASES)];

export const isKnownPromptName = (name: string): boolean => PROMPT_NAMES.includes(name.trim().toLowerCase());

/**
 * A known prompt name wins over the mode, with one exception: `qa_pairs` is the API's default prompt_name,
 * so it cannot be told from "not chosen" and must not turn e.g. summarization into Q&A generation.
 */
export const templateForMode = (
  mode: GenerationMode,
  promptName?: string | null,
): { readonly name: PromptName; readonly template: string } => {
  const key = promptName?.trim().toLowerCase() ?? '';
  const named = PROMPT_ALIASES[key] ?? (isPromptName(key) ? key : undefined);
  const name = named && !(named === 'qa_pairs' && MODE_TEMPLATE[mode] !== 'qa_pairs') ? named : MODE_TEMPLATE[mode];
  return { name, template: PROMPT_TEMPLATES[name] };
};
