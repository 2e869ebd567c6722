import { joinSentences, windowFrom, type Draft, type DraftContext } from './draft-context';
import { questionFor } from './question-phrasing';

const ask = (ctx: DraftContext, sentence: string, pass: number): string => questionFor(sentence, ctx.variant + pass, ctx);

/**
 * Question + answer. Pass 1 answers with one sentence each; later passes use another question template and
 * a longer window of sentences, so a short chunk can still yield distinct items.
 */
export function* qaDrafts(ctx: DraftContext): Generator<Draft> {
  for (let pass = 0; pass < 3; pass++) {
    for (const c of ctx.rotated) {
      const sentences = windowFrom(ctx, c, pass + 1);
      if (pass > 0 && sentences.length <= pass) continue;
      yield { question: ask(ctx, c.text, pass), answer: joinSentences(sentences), sentences };
    }
  }
}

/** Questions only (answer null); each pass rotates to the next template. */
export function* questionDrafts(ctx: DraftContext): Generator<Draft> {
  for (let pass = 0; pass < 3; pass++) {
    for (const c of ctx.rotated) yield { question: ask(ctx, c.text, pass), answer: null, sentences: [c] };
  }
}

/** Long-form answers: several consecutive sentences (three, then two, then four) answering one question. */
export function* answerDrafts(ctx: DraftContext): Generator<Draft> {
  const sizes = ctx.candidates.length >= 3 ? [3, 2, 4] : [ctx.candidates.length];
  for (const [pass, size] of sizes.entries()) {
    for (const c of ctx.rotated) {
      const sentences = windowFrom(ctx, c, size);
      if (sentences.length < Math.min(size, 2)) continue;
      yield { question: ask(ctx, c.text, pass), answer: joinSentences(sentences), sentences };
    }
  }
}
