import { DIFFICULTIES, difficultyForComplexity, type Difficulty } from '@compileo/domain';
import type { GenerationRequest } from '../../model-provider.port';

export type AnswerStyle = 'concise' | 'comprehensive' | 'step_by_step';

/** What the offline model makes of a request's prompt fields: the ones it can honour, and the ones it cannot. */
export interface ExtractiveSettings {
  /** null: the default windows (one sentence, then two, then three). */
  readonly answerStyle: AnswerStyle | null;
  /** null: no preference; otherwise sentences nearest this difficulty come first. */
  readonly targetDifficulty: Difficulty | null;
  /** Longest answer in estimated tokens (about four characters each); null for no cap. */
  readonly maxAnswerTokens: number | null;
  /** 0..2; above 0, a seeded shuffle of the sentence order and the question wording. */
  readonly temperature: number;
  /** The fields of the request that shaped the items, recorded on each entry as `prompt_fields_used`. */
  readonly used: readonly string[];
  /** Fields the request set that an offline model cannot apply (purpose, audience, custom_prompt, …): `prompt_fields_ignored`. */
  readonly ignored: readonly string[];
}

const ANSWER_STYLES: readonly AnswerStyle[] = ['concise', 'comprehensive', 'step_by_step'];
/** Prompt fields that only a language model can follow: they shape wording, not which sentences are chosen. */
const MODEL_ONLY = ['purpose', 'audience', 'domain', 'custom_audience', 'custom_purpose', 'extraction_rules'] as const;

const isSet = (value: unknown): boolean => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/** The estimated token count of a text: one token per four characters, rounded up (the usual rule of thumb). */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

export const extractiveSettings = (request: GenerationRequest): ExtractiveSettings => {
  const p = request.parameters;
  const used: string[] = [];
  const style = ANSWER_STYLES.find((s) => s === p.answer_style) ?? null;
  if (style) used.push('answer_style');
  const target = isSet(p.complexity_level) ? difficultyForComplexity(p.complexity_level) : null;
  if (target) used.push('complexity_level');
  if (isSet(p.question_style)) used.push('question_style');
  if (typeof p.negativity_ratio === 'number' && p.negativity_ratio > 0) used.push('negativity_ratio');
  if (request.categories !== null) used.push('categories');
  const cap = typeof request.maxTokens === 'number' && request.maxTokens > 0 ? Math.floor(request.maxTokens) : null;
  if (cap !== null) used.push('max_tokens');
  const temperature = typeof request.temperature === 'number' && request.temperature > 0 ? Math.min(2, request.temperature) : 0;
  if (temperature > 0) used.push('temperature');
  const ignored: string[] = MODEL_ONLY.filter((f) => isSet(p[f]));
  if (request.promptName === 'custom') ignored.push('custom_prompt');
  return { answerStyle: style, targetDifficulty: target, maxAnswerTokens: cap, temperature, used, ignored };
};

/** Levels between two difficulties (0 = the same). */
export const difficultyDistance = (a: Difficulty, b: Difficulty): number => Math.abs(DIFFICULTIES.indexOf(a) - DIFFICULTIES.indexOf(b));
