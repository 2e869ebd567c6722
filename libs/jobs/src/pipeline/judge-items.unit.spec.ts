import type { Judge } from '@compileo/generation';
import { isJudgeFailure, judgeItems, sumCosts, withJudgeUsage } from './judge-items';

const rubric = (s: number) => ({ question: s, answer: s, relevance: s, consistency: s });

const judge = (
  answer: (question: string | null) => Promise<{ score: number; usage: { inputTokens: number; outputTokens: number } | null }>,
) => {
  const seen: { question: string | null; answer: string | null; context: string; signal: AbortSignal }[] = [];
  const j: Judge = {
    model: 'judge-1',
    judge: async (req) => {
      seen.push(req);
      const { score, usage } = await answer(req.question);
      return { score, scores: rubric(score), usage };
    },
  };
  return { j, seen };
};

describe('judgeItems', () => {
  it("asks about each item's instruction or question and output or answer, against the chunk", async () => {
    const { j, seen } = judge(async () => ({ score: 0.6, usage: null }));
    const signal = new AbortController().signal;
    const verdicts = await judgeItems(
      j,
      [
        { question: 'Q1?', answer: 'A1.', category: null },
        { question: null, answer: null, category: null, instruction: 'Do it.', output: 'Done.' },
      ],
      'the chunk',
      signal,
    );
    expect(seen).toEqual([
      { question: 'Q1?', answer: 'A1.', context: 'the chunk', signal },
      { question: 'Do it.', answer: 'Done.', context: 'the chunk', signal },
    ]);
    expect(verdicts).toEqual([
      { score: 0.6, scores: rubric(0.6), usage: null },
      { score: 0.6, scores: rubric(0.6), usage: null },
    ]);
  });

  it('turns a failed judgement into a failure naming the judge, and keeps the others', async () => {
    const { j } = judge(async (q) => {
      if (q === 'bad?') throw new Error('HTTP 503');
      if (q === 'odd?') throw 'gone' as unknown as Error;
      return { score: 1, usage: null };
    });
    const verdicts = await judgeItems(
      j,
      ['ok?', 'bad?', 'odd?'].map((question) => ({ question, answer: 'a', category: null })),
      'c',
      new AbortController().signal,
    );
    expect(verdicts.map((v) => (isJudgeFailure(v) ? v.error : v.score))).toEqual([1, 'judge-1: HTTP 503', 'judge-1: gone']);
  });
});

describe('isJudgeFailure', () => {
  it('tells a failure from a verdict and from nothing', () => {
    expect(isJudgeFailure({ error: 'x' })).toBe(true);
    expect(isJudgeFailure({ score: 1, scores: {}, usage: null })).toBe(false);
    expect(isJudgeFailure(null)).toBe(false);
    expect(isJudgeFailure(undefined)).toBe(false);
  });
});

describe('withJudgeUsage', () => {
  const verdict = (inputTokens: number, outputTokens: number) => ({ score: 1, scores: {}, usage: { inputTokens, outputTokens } });

  it("adds every verdict's tokens to the generation's, skipping failures and verdicts without usage", () => {
    const verdicts = [verdict(3, 1), { error: 'x' }, { score: 1, scores: {}, usage: null }, verdict(5, 2)];
    expect(withJudgeUsage({ inputTokens: 10, outputTokens: 20 }, verdicts)).toEqual({ inputTokens: 18, outputTokens: 23 });
    expect(withJudgeUsage(null, verdicts)).toEqual({ inputTokens: 8, outputTokens: 3 });
  });

  it('is the generation usage (or null) when nothing was judged or nothing reported tokens', () => {
    const usage = { inputTokens: 1, outputTokens: 2 };
    expect(withJudgeUsage(usage, null)).toBe(usage);
    expect(withJudgeUsage(null, null)).toBeNull();
    expect(withJudgeUsage(null, [{ error: 'x' }])).toBeNull();
  });
});

describe('sumCosts', () => {
  it('adds the known costs, counting unknown parts as nothing', () => {
    expect(sumCosts(0.5, 0.25)).toBe(0.75);
    expect(sumCosts(0.5, null, undefined)).toBe(0.5);
    expect(sumCosts(null, 0.25)).toBe(0.25);
    expect(sumCosts(0, null)).toBe(0);
  });

  it('is null when no part has a price', () => {
    expect(sumCosts(null, undefined)).toBeNull();
    expect(sumCosts()).toBeNull();
  });
});
