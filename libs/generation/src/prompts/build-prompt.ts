import { difficultyForComplexity, type GenerationMode, type PromptParameters } from '@compileo/domain';
import { renderPrompt, templateForMode, type PromptVars } from './render-prompt';
import { NEGATIVE_ANSWER, negativeCount } from '../negatives/negative-answer';

export interface BuildPromptInput {
  readonly mode: GenerationMode;
  readonly promptName?: string | null;
  readonly customPrompt?: string | null;
  readonly parameters?: PromptParameters;
  readonly categories: readonly string[] | null;
  readonly count: number;
  /** How many of the `count` items must be negative (the job's allocation); absent: round(count × negativity_ratio). */
  readonly negatives?: number;
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

/**
 * The `{negatives}` line: `n` of the `count` items must be questions the text does not answer, worded for the
 * template's item shape; empty when there are none or the template (summarization) has no negatives.
 */
export const negativesLine = (templateName: string, count: number, negatives: number): string => {
  const n = Math.min(count, Math.max(0, Math.floor(negatives)));
  if (n === 0) return '';
  switch (templateName) {
    case 'summarization':
      return '';
    case 'question':
      return `Make ${n} of the ${count} questions ones that the text does NOT answer (plausible questions about its topic that it leaves open); give each of them "answer": "${NEGATIVE_ANSWER}" and "negative": true.`;
    case 'instruction':
      return `Make ${n} of the ${count} examples ask for something the text does NOT say; their output must be exactly: ${NEGATIVE_ANSWER}`;
    default:
      return `Make ${n} of the ${count} items questions that the text does NOT answer; their answer must be exactly: ${NEGATIVE_ANSWER}`;
  }
};

/** Placeholders that stand on a line of their own and take the line with them when they have nothing to say. */
const OPTIONAL_LINES = ['negatives', 'extraction_rules'] as const;

const optionalLine = (name: string): RegExp => new RegExp(`^[ \\t]*\\{${name}\\}[ \\t]*\\r?\\n`, 'gm');

/** Fills the template; a `{negatives}` or `{extraction_rules}` line with nothing to say is removed rather than left blank. */
const render = (template: string, vars: PromptVars): string =>
  renderPrompt(
    OPTIONAL_LINES.reduce((t, name) => (vars[name] ? t : t.replace(optionalLine(name), '')), template),
    vars,
  );

/** The `{extraction_rules}` line; empty for none, blank, or the contract's default value `default`. */
export const extractionRulesLine = (rules: string | undefined): string => {
  const text = nonBlank(rules);
  return text === undefined || text.toLowerCase() === 'default'
    ? ''
    : `Extraction rules (follow them when choosing what to write about and how): ${text}`;
};

export const promptVars = (input: BuildPromptInput, templateName = 'qa_pairs'): PromptVars => {
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
    extraction_rules: extractionRulesLine(p.extraction_rules),
    negatives: negativesLine(templateName, input.count, input.negatives ?? negativeCount(input.count, p.negativity_ratio)),
    chunk: input.chunkText,
  };
};

/**
 * A custom prompt replaces the template; if it never mentions {chunk}, the text is appended so the model sees
 * it. Like every other parameter, negatives reach a custom prompt only through its own `{negatives}` (worded
 * for the mode's item shape).
 */
export const buildPrompt = (input: BuildPromptInput): BuiltPrompt => {
  const custom = nonBlank(input.customPrompt);
  if (custom !== undefined) {
    const vars = promptVars(input, templateForMode(input.mode).name);
    const template = custom.includes('{chunk}') ? custom : `${custom}\n\nText:\n"""\n{chunk}\n"""`;
    return { prompt: render(template, vars), promptName: 'custom' };
  }
  const { name, template } = templateForMode(input.mode, input.promptName);
  return { prompt: render(template, promptVars(input, name)), promptName: name };
};
