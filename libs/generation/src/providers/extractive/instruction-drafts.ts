import { answerText, answerWindow, joinSentences, type Draft, type DraftContext } from './draft-context';
import { questionFor, questionPhrase } from './question-phrasing';

const TEMPLATES = [
  'Using only the excerpt, answer: {question}',
  'Read the excerpt and explain {phrase}.',
  'Based on the excerpt, describe {phrase}.',
];

/**
 * Instruction / input / output. The input is an excerpt of the chunk around the target sentence (one
 * sentence either side); the output is the target sentence (then two sentences in a second pass), so the
 * output is grounded in both the input and the chunk.
 */
export function* instructionDrafts(ctx: DraftContext): Generator<Draft> {
  for (let pass = 0; pass < 2; pass++) {
    for (const c of ctx.rotated) {
      const sentences = answerWindow(ctx, c, pass + 1, pass + 1);
      if (sentences === null) continue;
      const excerpt = ctx.candidates.slice(Math.max(0, c.position - 1), c.position + pass + 2);
      const instruction = TEMPLATES[(ctx.variant + pass + c.position) % TEMPLATES.length]
        .replace('{question}', () => questionFor(c.text, ctx.variant + pass, ctx))
        .replace('{phrase}', () => questionPhrase(c.text, ctx));
      const output = answerText(ctx, sentences);
      yield { question: instruction, answer: output, sentences, instruction, input: joinSentences(excerpt) };
    }
  }
}
