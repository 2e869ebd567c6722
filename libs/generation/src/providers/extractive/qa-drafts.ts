import { answerText, answerWindow, windowSizes, type Draft, type DraftContext } from './draft-context';
import { questionFor } from './question-phrasing';

const ask = (ctx: DraftContext, sentence: string, pass: number): string => questionFor(sentence, ctx.variant + pass, ctx);

/**
 * Question + answer. Each pass answers with a window of consecutive sentences (windowSizes: by
 * answer_style, one then two then three by default) under another question template, so a short chunk can
 * still yield distinct items; answers are capped by max_tokens (answerWindow).
 */
export function* qaDrafts(ctx: DraftContext): Generator<Draft> {
  for (const [pass, size] of windowSizes(ctx).entries()) {
    for (const c of ctx.rotated) {
      const sentences = answerWindow(ctx, c, size, pass > 0 ? size : 1);
      if (sentences === null) continue;
      yield { question: ask(ctx, c.text, pass), answer: answerText(ctx, sentences), sentences };
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
      const sentences = answerWindow(ctx, c, size, Math.min(size, 2));
      if (sentences === null) continue;
      yield { question: ask(ctx, c.text, pass), answer: answerText(ctx, sentences), sentences };
    }
  }
}
