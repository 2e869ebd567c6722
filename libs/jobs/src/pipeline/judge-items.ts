import type { GeneratedItem } from '@compileo/domain';
import type { Judge, TokenUsage } from '@compileo/generation';
import { messageOf } from './draw-items';

export interface Verdict {
  readonly score: number;
  readonly scores: Readonly<Record<string, number>>;
  readonly usage: TokenUsage | null;
}

/** The judge could not rate an item (the call failed for good, or its reply was unusable). */
export interface JudgeFailure {
  readonly error: string;
}

export type JudgeOutcome = Verdict | JudgeFailure;

export const isJudgeFailure = (outcome: JudgeOutcome | null | undefined): outcome is JudgeFailure => !!outcome && 'error' in outcome;

/**
 * Asks the rubric judge about each item of a chunk (in parallel; the model's limiter bounds the calls).
 * A judge that fails on an item leaves that item to the heuristic score alone, and says why: the entry is
 * marked (`metadata.judge_error`) and the job counts it (`judge_failures`).
 */
export const judgeItems = (judge: Judge, items: readonly GeneratedItem[], context: string, signal: AbortSignal): Promise<JudgeOutcome[]> =>
  Promise.all(
    items.map((item) =>
      judge
        .judge({ question: item.instruction ?? item.question, answer: item.output ?? item.answer, context, signal })
        .then((v): JudgeOutcome => ({ score: v.score, scores: v.scores, usage: v.usage }))
        .catch((error: unknown): JudgeOutcome => ({ error: `${judge.model}: ${messageOf(error)}` })),
    ),
  );

/** The chunk's token usage: the generation calls plus the judge's. */
export const withJudgeUsage = (usage: TokenUsage | null, verdicts: readonly JudgeOutcome[] | null): TokenUsage | null =>
  (verdicts ?? []).reduce<TokenUsage | null>(
    (sum, v) =>
      !isJudgeFailure(v) && v.usage
        ? { inputTokens: (sum?.inputTokens ?? 0) + v.usage.inputTokens, outputTokens: (sum?.outputTokens ?? 0) + v.usage.outputTokens }
        : sum,
    usage,
  );

/** Adds costs where known; null when neither part has a price. */
export const sumCosts = (...costs: readonly (number | null | undefined)[]): number | null =>
  costs.some((c) => typeof c === 'number') ? costs.reduce<number>((sum, c) => sum + (c ?? 0), 0) : null;
