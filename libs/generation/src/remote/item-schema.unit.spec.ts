import {
  instructionItemSchema,
  itemShapeFor,
  normalizeDifficulty,
  qaItemSchema,
  questionItemSchema,
  responseJsonSchema,
  summarizationItemSchema,
} from './item-schema';

describe('normalizeDifficulty', () => {
  it.each([
    ['easy', 'beginner'],
    ['Medium', 'intermediate'],
    [' HARD ', 'advanced'],
    ['very-hard', 'expert'],
    ['expert', 'expert'],
    ['basic', 'beginner'],
  ])('maps %p to %p', (input, expected) => expect(normalizeDifficulty(input)).toBe(expected));

  it('leaves unknown or non-string values undefined so the caller falls back', () => {
    expect(normalizeDifficulty('impossible')).toBeUndefined();
    expect(normalizeDifficulty(3)).toBeUndefined();
    expect(normalizeDifficulty(undefined)).toBeUndefined();
  });
});

describe('item schemas', () => {
  it('qa: requires question and answer, trims category, normalises difficulty', () => {
    expect(qaItemSchema.parse({ question: ' Q? ', answer: 'A.', category: '  Facts ', difficulty: 'easy' })).toEqual({
      question: 'Q?',
      answer: 'A.',
      category: 'Facts',
      difficulty: 'beginner',
    });
    expect(qaItemSchema.safeParse({ question: 'Q?' }).success).toBe(false);
    expect(qaItemSchema.safeParse({ question: '  ', answer: 'A' }).success).toBe(false);
  });

  it('qa: a blank or missing category becomes null', () => {
    expect(qaItemSchema.parse({ question: 'Q?', answer: 'A', category: ' ' }).category).toBeNull();
    expect(qaItemSchema.parse({ question: 'Q?', answer: 'A' }).category).toBeNull();
  });

  it('question: the answer is optional and null when absent', () => {
    expect(questionItemSchema.parse({ question: 'Q?' }).answer).toBeNull();
    expect(questionItemSchema.parse({ question: 'Q?', answer: null }).answer).toBeNull();
    expect(questionItemSchema.safeParse({ answer: 'A' }).success).toBe(false);
  });

  it('summarization: key points are optional', () => {
    expect(summarizationItemSchema.parse({ question: 'Summarize.', answer: 'S.' }).key_points).toBeUndefined();
    expect(summarizationItemSchema.parse({ question: 'Summarize.', answer: 'S.', key_points: ['a', ' ', 2] }).key_points).toEqual([
      'a',
      '2',
    ]);
  });

  it('instruction: instruction and output required, input may be empty', () => {
    expect(instructionItemSchema.parse({ instruction: 'Do', output: 'Done' }).input).toBe('');
    expect(instructionItemSchema.safeParse({ instruction: 'Do', input: 'x' }).success).toBe(false);
  });
});

describe('responseJsonSchema', () => {
  const keysUsed = (value: unknown, out = new Set<string>()): Set<string> => {
    if (Array.isArray(value)) value.forEach((v) => keysUsed(v, out));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) {
        out.add(k);
        // Property names under `properties` are data, not schema keywords.
        if (k === 'properties') Object.values(v as object).forEach((p) => keysUsed(p, out));
        else keysUsed(v, out);
      }
    return out;
  };

  it('wraps an array of items in {items} and uses only the vendor-compatible keywords', () => {
    for (const mode of ['default', 'qa_pairs', 'question', 'answer', 'summarization', 'instruction'] as const) {
      const schema = responseJsonSchema(mode);
      expect(schema).toMatchObject({ type: 'object', required: ['items'], properties: { items: { type: 'array' } } });
      for (const key of keysUsed(schema)) expect(['type', 'properties', 'required', 'items', 'enum']).toContain(key);
    }
  });

  it('asks for the fields of the mode', () => {
    const itemProps = (mode: Parameters<typeof responseJsonSchema>[0]): string[] =>
      Object.keys((responseJsonSchema(mode).properties as Record<string, { items: { properties: object } }>).items.items.properties);
    expect(itemProps('qa_pairs')).toEqual(['question', 'answer', 'category', 'difficulty']);
    expect(itemProps('question')).toEqual(['question', 'category', 'difficulty']);
    expect(itemProps('summarization')).toContain('key_points');
    expect(itemProps('instruction')).toEqual(['instruction', 'input', 'output', 'category', 'difficulty']);
    expect(itemShapeFor('answer')).toBe('qa');
  });
});
