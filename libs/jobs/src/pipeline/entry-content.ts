import { difficultyForComplexity, type Difficulty, type EntryContent, type GeneratedItem, type GenerationConfig } from '@compileo/domain';
import { combineScores, FALLBACK_CATEGORY, scoreItem, type SourceChunk } from '@compileo/generation';
import { isJudgeFailure, type JudgeOutcome } from './judge-items';

export interface ContentContext {
  readonly chunk: SourceChunk;
  readonly config: GenerationConfig;
  readonly categories: readonly string[] | null;
  readonly model: string;
  readonly promptName: string;
  readonly now: string;
  readonly duplicate: boolean;
  /** This entry's share of the chunk's tokens, when the model reports usage. */
  readonly tokens: { readonly input_tokens: number; readonly output_tokens: number } | null;
  /** The rubric judge's verdict on this item (or why it gave none), when a judge model is configured. */
  readonly judged?: JudgeOutcome | null;
}

const prefixed = (prefix: string, scores: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(scores).map(([k, v]) => [`${prefix}${k}`, v]));

/** A category from the taxonomy when one is named (else `Other`); otherwise the model's, the heading, or General. */
const categoryOf = (item: GeneratedItem, ctx: ContentContext): string => {
  if (ctx.categories) return item.category && ctx.categories.includes(item.category) ? item.category : FALLBACK_CATEGORY;
  return item.category ?? ctx.chunk.heading ?? 'General';
};

/** The heuristic score of an item against its chunk, at the dataset's target difficulty; null without `analyze_quality`. */
export const heuristicScore = (
  item: GeneratedItem,
  chunkText: string,
  config: GenerationConfig,
  duplicate: boolean,
): ReturnType<typeof scoreItem> | null =>
  config.analyze_quality
    ? scoreItem(item, chunkText, { targetDifficulty: difficultyForComplexity(config.parameters.complexity_level), duplicate })
    : null;

/** Turns a model item into an entry's content: category rules, difficulty, quality score and metadata. */
export const toEntryContent = (item: GeneratedItem, ctx: ContentContext): EntryContent => {
  const difficulty: Difficulty = item.difficulty ?? difficultyForComplexity(ctx.config.parameters.complexity_level);
  const heuristic = heuristicScore(item, ctx.chunk.text, ctx.config, ctx.duplicate);
  const failure = heuristic && isJudgeFailure(ctx.judged) ? ctx.judged.error : null;
  const judged = heuristic && ctx.judged && !isJudgeFailure(ctx.judged) ? ctx.judged : null;
  const quality = heuristic && {
    score: judged ? combineScores(heuristic.score, judged.score) : heuristic.score,
    components: judged ? { ...heuristic.components, ...prefixed('judge_', judged.scores), judge: judged.score } : heuristic.components,
  };
  return {
    question: item.question,
    answer: item.answer,
    category: categoryOf(item, ctx),
    difficulty,
    qualityScore: quality?.score ?? null,
    qualityComponents: quality?.components ?? null,
    ...(item.instruction !== undefined ? { instruction: item.instruction } : {}),
    ...(item.input !== undefined ? { input: item.input } : {}),
    ...(item.output !== undefined ? { output: item.output } : {}),
    metadata: {
      ...item.metadata,
      model: ctx.model,
      generation_time: ctx.now,
      chunk_length: ctx.chunk.text.length,
      mode: ctx.config.generation_mode,
      prompt_name: ctx.promptName,
      document: ctx.chunk.documentName,
      heading: ctx.chunk.heading,
      ...ctx.chunk.location,
      ...(ctx.tokens ? { usage: ctx.tokens } : {}),
      // The score is the heuristic alone: the configured judge did not rate this entry.
      ...(failure ? { judge_error: failure } : {}),
    },
  };
};
