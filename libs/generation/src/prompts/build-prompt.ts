import { difficultyForComplexity, type GenerationMode, type PromptParameters } from '@compileo/domain';
import { renderPrompt, templateForMode, type PromptVars } from './render-prompt';

export interface BuildPromptInput {
  readonly mode: GenerationMode;
  readonly promptName?: string | null;
  readonly customPrompt?: string | null;
  readonly parameters?: PromptParameters;
  readonly categories: readonly string[] | null;
  readonly count: number;
  readonly chunkText: string;
}

export interface BuiltPrompt {
  readonly prompt: string;
  /** The template used: a PromptName, or `custom` for a custom_prompt. */
  readonly promptName: string;
}

/** Values used when neither saved nor inline parameters say otherwise. */
export const PROMPT_DEFAULTS = {
  purpose: 'building a high-quality training dataset',
  audience: 'general readers',
  domain: 'general',
  question_style: 'factual',
  answer_style: 'comprehensive',
  no_categories: 'none given; use the topic of the text',
} as const;

const nonBlank = (value: string | null | undefined): string | undefined =>
  value !== null && value !== undefined && value.trim() !== '' ? value.trim() : undefined;

export const promptVars = (input: BuildPromptInput): PromptVars => {
  const p = input.parameters ?? {};
  return {
    count: String(input.count),
    purpose: nonBlank(p.custom_purpose) ?? nonBlank(p.purpose) ?? PROMPT_DEFAULTS.purpose,
    audience: nonBlank(p.custom_audience) ?? nonBlank(p.audience) ?? PROMPT_DEFAULTS.audience,
    domain: nonBlank(p.domain) ?? PROMPT_DEFAULTS.domain,
    complexity: difficultyForComplexity(p.complexity_level),
    question_style: nonBlank(p.question_style) ?? PROMPT_DEFAULTS.question_style,
    answer_style: nonBlank(p.answer_style) ?? PROMPT_DEFAULTS.answer_style,
    categories: input.categories && input.categories.length > 0 ? input.categories.join(', ') : PROMPT_DEFAULTS.no_categories,
    chunk: input.chunkText,
  };
};

/** A custom prompt replaces the template; if it never mentions {chunk}, the text is appended so the model sees it. */
export const buildPrompt = (input: BuildPromptInput): BuiltPrompt => {
  const custom = nonBlank(input.customPrompt);
  const vars = promptVars(input);
  if (custom !== undefined) {
    const template = custom.includes('{chunk}') ? custom : `${custom}\n\nText:\n"""\n{chunk}\n"""`;
    return { prompt: renderPrompt(template, vars), promptName: 'custom' };
  }
  const { name, template } = templateForMode(input.mode, input.promptName);
  return { prompt: renderPrompt(template, vars), promptName: name };
};
