import { joinSentences, type Draft, type DraftContext } from './draft-context';
import { estimateTokens } from './prompt-fields';

const INSTRUCTIONS = [
  'Summarize {target}.',
  'Summarize the key points of {target}.',
  'Give a brief summary of {target}.',
  'Write a short overview of {target}.',
  'What are the main points of {target}?',
  'Condense {target} into its essentials.',
];

/** Summary lengths to offer, most useful first: about a third of the sentences (1-5), then 1, then others. */
const summaryLengths = (n: number): number[] => {
  const base = Math.min(5, Math.max(1, Math.ceil(n / 3)));
  const all = [base, 1, Math.min(n, base + 2), 2, 3, Math.min(n, 8), ...Array.from({ length: n }, (_, i) => i + 1)];
  return [...new Set(all.filter((k) => k >= 1 && k <= n))];
};

/** Extractive summaries: the k most important sentences, in reading order (within max_tokens); key points are those sentences. */
export function* summaryDrafts(ctx: DraftContext): Generator<Draft> {
  const byImportance = [...ctx.candidates].sort((a, b) => b.score - a.score || a.position - b.position);
  const lengths = summaryLengths(ctx.candidates.length);
  for (let i = 0; i < lengths.length; i++) {
    const k = lengths[(i + ctx.variant) % lengths.length];
    let sentences = byImportance.slice(0, k).sort((a, b) => a.position - b.position);
    // max_tokens caps the summary: its least important sentences go first.
    const cap = ctx.settings.maxAnswerTokens;
    while (cap !== null && sentences.length > 1 && estimateTokens(joinSentences(sentences)) > cap) {
      const weakest = sentences.reduce((w, s) => (s.score < w.score ? s : w));
      sentences = sentences.filter((s) => s !== weakest);
    }
    if (cap !== null && estimateTokens(joinSentences(sentences)) > cap) continue;
    const instruction = k === 1 ? 'Summarize {target} in one sentence.' : INSTRUCTIONS[(i + ctx.variant) % INSTRUCTIONS.length];
    yield {
      question: instruction.replace('{target}', () => ctx.target),
      answer: joinSentences(sentences),
      sentences,
      keyPoints: sentences.map((s) => s.text),
    };
  }
}
