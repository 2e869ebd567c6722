import { ValidationError } from '@compileo/domain';
import { z } from 'zod';
import { MAX_INPUT_DEPTH, parseInput } from './parse-input';

const problemsOf = (schema: z.ZodTypeAny, input: unknown): readonly { field: string; message: string }[] => {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  return [];
};

/** `levels` arrays, one inside the other: `[[…]]`. */
const nested = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));

describe('parseInput', () => {
  const anything = z.unknown();

  it(`takes nesting up to ${MAX_INPUT_DEPTH} levels and rejects one more, naming the limit`, () => {
    expect(problemsOf(anything, nested(MAX_INPUT_DEPTH))).toEqual([]);
    expect(problemsOf(anything, nested(MAX_INPUT_DEPTH + 1))).toEqual([
      { field: '(body)', message: `is nested deeper than ${MAX_INPUT_DEPTH} levels, the limit for a request body` },
    ]);
  });

  it('rejects nesting far past the stack depth without overflowing it', () => {
    expect(problemsOf(anything, nested(200_000))).toEqual([expect.objectContaining({ field: '(body)' })]);
  });

  it('names each string holding NUL or a lone surrogate, in values and in keys', () => {
    const input = { a: 'ok', b: ['fine', 'x\u0000'], c: { d: '\ud800' }, e: '\udc00x', 'k\u0000': 1, pair: '\ud83d\ude00' };
    expect(problemsOf(anything, input)).toEqual([
      { field: 'b.1', message: 'must not contain NUL (\\u0000) characters' },
      { field: 'c.d', message: 'must not contain a lone UTF-16 surrogate (invalid Unicode)' },
      { field: 'e', message: 'must not contain a lone UTF-16 surrogate (invalid Unicode)' },
      { field: 'k\u0000', message: '(the field name) must not contain NUL (\\u0000) characters' },
    ]);
  });

  it('checks text before the schema, so the field is named even where the schema would accept it', () => {
    expect(problemsOf(z.object({ name: z.string() }), { name: 'a\ud800b' }).map((p) => p.field)).toEqual(['name']);
    expect(problemsOf(z.string(), '\u0000')).toEqual([{ field: '(body)', message: 'must not contain NUL (\\u0000) characters' }]);
  });
});
