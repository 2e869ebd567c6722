import { extractJson, parseItems } from './parse-items';

const pair = { question: 'What is X?', answer: 'X is Y.', category: 'Facts', difficulty: 'hard' };

describe('parseItems', () => {
  it('parses the {items: [...]} reply the prompts ask for', () => {
    const { items, invalid } = parseItems(JSON.stringify({ items: [pair] }), 'qa_pairs');
    expect(items).toEqual([{ question: 'What is X?', answer: 'X is Y.', category: 'Facts', difficulty: 'advanced' }]);
    expect(invalid).toEqual([]);
  });

  it('strips ```json fences and the prose around them', () => {
    const text = `Sure! Here are the pairs:\n\`\`\`json\n${JSON.stringify({ items: [pair] })}\n\`\`\`\nLet me know if you need more.`;
    expect(parseItems(text, 'default').items).toHaveLength(1);
  });

  it('reads prose-wrapped JSON without fences', () => {
    expect(parseItems(`Here you go: ${JSON.stringify([pair])} Hope this helps.`, 'default').items).toHaveLength(1);
  });

  it.each(['items', 'pairs', 'data', 'questions', 'entries', 'Items'])('accepts the %p wrapper', (key) => {
    expect(parseItems(JSON.stringify({ [key]: [pair, { ...pair, question: 'Why X?' }] }), 'qa_pairs').items).toHaveLength(2);
  });

  it('accepts nested wrappers, a bare array and a single object', () => {
    expect(parseItems(JSON.stringify({ data: { items: [pair] } }), 'qa_pairs').items).toHaveLength(1);
    expect(parseItems(JSON.stringify([pair]), 'qa_pairs').items).toHaveLength(1);
    expect(parseItems(JSON.stringify(pair), 'qa_pairs').items).toEqual([expect.objectContaining({ question: 'What is X?' })]);
  });

  it('repairs truncated JSON: complete items survive, the cut-off one is recorded as invalid', () => {
    const full = JSON.stringify({ items: [pair, { ...pair, question: 'Why X?' }, { ...pair, question: 'When X?' }] });
    const truncated = full.slice(0, full.indexOf('When X?') + 12); // cut inside the third item's answer key
    const { items, invalid } = parseItems(truncated, 'qa_pairs');
    expect(items.map((i) => i.question)).toEqual(['What is X?', 'Why X?']);
    expect(invalid).toHaveLength(1);
    expect(invalid[0].reason).toMatch(/answer/);
  });

  it('repairs broken JSON (single quotes, trailing commas, unquoted keys)', () => {
    const { items } = parseItems(`{items: [{'question': 'Q1?', 'answer': 'A1',}, {question: "Q2?", answer: "A2"},]}`, 'qa_pairs');
    expect(items.map((i) => i.question)).toEqual(['Q1?', 'Q2?']);
  });

  it('repairs a fenced block left unclosed by truncation', () => {
    const { items } = parseItems('```json\n{"items": [{"question": "Q1?", "answer": "A1"}, {"question": "Q2', 'qa_pairs');
    expect(items.map((i) => i.question)).toEqual(['Q1?']);
  });

  it('records items that fail the schema with their reason, keeping the good ones', () => {
    const { items, invalid } = parseItems(
      JSON.stringify({ items: [pair, { question: 'No answer?' }, 'just a string', { question: '', answer: 'A' }] }),
      'qa_pairs',
    );
    expect(items).toHaveLength(1);
    expect(invalid).toEqual([
      { raw: { question: 'No answer?' }, reason: expect.stringMatching(/^item does not match the schema: answer: Required/) },
      { raw: 'just a string', reason: 'expected an object, got string' },
      { raw: { question: '', answer: 'A' }, reason: expect.stringMatching(/question: must not be empty/) },
    ]);
  });

  it('returns one invalid entry with the reason for unparseable text', () => {
    expect(parseItems('I cannot help with that.', 'qa_pairs')).toEqual({
      items: [],
      invalid: [{ raw: 'I cannot help with that.', reason: 'no JSON found in the response' }],
    });
    expect(parseItems('   ', 'qa_pairs').invalid).toEqual([{ raw: '   ', reason: 'empty response' }]);
    expect(parseItems('"just a string"', 'qa_pairs').invalid[0].reason).toMatch(/no JSON found/);
    expect(parseItems('[[[', 'qa_pairs').invalid).toHaveLength(1);
  });

  it('question mode: answer null, bare strings read as questions', () => {
    const { items } = parseItems(
      JSON.stringify({ questions: [{ question: 'Q1?', answer: null, category: 'C', difficulty: 'easy' }, 'Q2?'] }),
      'question',
    );
    expect(items).toEqual([
      { question: 'Q1?', answer: null, category: 'C', difficulty: 'beginner' },
      { question: 'Q2?', answer: null, category: null },
    ]);
  });

  it('summarization: key points go to metadata', () => {
    const { items } = parseItems(
      JSON.stringify({ items: [{ question: 'Summarize.', answer: 'S.', key_points: ['a', 'b'], category: 'C' }] }),
      'summarization',
    );
    expect(items).toEqual([{ question: 'Summarize.', answer: 'S.', category: 'C', metadata: { key_points: ['a', 'b'] } }]);
  });

  it('instruction: fills instruction/input/output and mirrors them in question/answer', () => {
    const { items } = parseItems(
      JSON.stringify({ items: [{ Instruction: 'Explain X.', input: 'X is Y.', output: 'X means Y.', difficulty: 'Expert' }] }),
      'instruction',
    );
    expect(items).toEqual([
      {
        question: 'Explain X.',
        answer: 'X means Y.',
        category: null,
        instruction: 'Explain X.',
        input: 'X is Y.',
        output: 'X means Y.',
        difficulty: 'expert',
      },
    ]);
  });

  it('omits an unknown difficulty rather than rejecting the item', () => {
    const { items } = parseItems(JSON.stringify([{ ...pair, difficulty: 'galactic' }]), 'qa_pairs');
    expect(items[0]).not.toHaveProperty('difficulty');
  });
});

describe('extractJson', () => {
  it('prefers the first fenced block holding JSON', () => {
    expect(extractJson('```\nnot json\n```\n```json\n[{"a": 1}]\n```')).toBe('[{"a": 1}]');
  });
  it('skips bracketed prose before the JSON and stops at the matching close', () => {
    expect(extractJson('Here are [3] items [see below]: {"items": [{"q": "a } b"}]} and {"x": 1}')).toBe('{"items": [{"q": "a } b"}]}');
  });
  it('runs to the end of a reply truncated inside the JSON', () => {
    expect(extractJson('{"items": [{"q": "a"}, {"q": "b')).toBe('{"items": [{"q": "a"}, {"q": "b');
  });
  it('returns null without any bracket', () => {
    expect(extractJson('no json here')).toBeNull();
  });
});
