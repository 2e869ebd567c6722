import { NEGATIVE_ANSWER } from '../negatives/negative-answer';
import { parseItems } from './parse-items';

const reply = (items: unknown[]): string => JSON.stringify({ items });

describe('parseItems and negative items', () => {
  it('marks an item whose answer is the negative answer, whatever its case and punctuation, and canonicalises it', () => {
    const { items } = parseItems(
      reply([
        { question: 'What does it cost?', answer: 'the text does not say', category: 'A' },
        { question: 'Who made it?', answer: "THE TEXT DOESN'T SAY!", category: 'A' },
        { question: 'What is X?', answer: 'X is Y.', category: 'A' },
      ]),
      'qa_pairs',
    );
    expect(items[0]).toEqual({ question: 'What does it cost?', answer: NEGATIVE_ANSWER, category: 'A', metadata: { negative: true } });
    expect(items[1].metadata).toEqual({ negative: true });
    expect(items[2].metadata).toBeUndefined();
  });

  it('marks instruction items by their output', () => {
    const { items } = parseItems(
      reply([{ instruction: 'Give the price.', input: 'Some text.', output: 'The text does not say', category: 'A' }]),
      'instruction',
    );
    expect(items[0]).toMatchObject({ output: NEGATIVE_ANSWER, answer: NEGATIVE_ANSWER, metadata: { negative: true } });
  });

  it('marks question-mode items by the marker answer or "negative": true, keeping the answer null', () => {
    const { items } = parseItems(
      reply([
        { question: 'What does it cost?', answer: NEGATIVE_ANSWER, category: 'A' },
        { question: 'Who made it?', answer: null, negative: true, category: 'A' },
        { question: 'What is X?', answer: null, category: 'A' },
      ]),
      'question',
    );
    expect(items.map((i) => [i.answer, i.metadata?.negative])).toEqual([
      [null, true],
      [null, true],
      [null, undefined],
    ]);
  });

  it('never marks summaries, nor trusts "negative": true over a real answer', () => {
    expect(
      parseItems(reply([{ question: 'Summarize.', answer: 'The text does not say.', key_points: [] }]), 'summarization').items[0].metadata,
    ).toBeUndefined();
    expect(
      parseItems(reply([{ question: 'What is X?', answer: 'X is Y.', negative: true }]), 'qa_pairs').items[0].metadata,
    ).toBeUndefined();
  });
});
