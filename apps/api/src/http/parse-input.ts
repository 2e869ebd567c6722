import { ValidationError, type FieldProblem } from '@compileo/domain';
import type { z } from 'zod';
import { unstorableText } from './stored-text';

/** Deepest nesting of arrays and objects a body may have (docs/api.md); the body itself is level 1. */
export const MAX_INPUT_DEPTH = 64;

const describe = (issue: z.ZodIssue): string => {
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''}`;
  return issue.message;
};

/** A value's place in the input: its key and its parent's place, so that a child costs O(1), not a path copy. */
interface Place {
  readonly key: string;
  readonly parent: Place | null;
}

const fieldOf = (place: Place | null): string => {
  const keys: string[] = [];
  for (let p = place; p; p = p.parent) keys.push(p.key);
  return keys.reverse().join('.') || '(body)';
};

/**
 * Problems no schema can express: nesting past MAX_INPUT_DEPTH, and strings (values or keys) the event
 * log cannot store. Iterative, so no input can overflow the stack; it stops at the first too-deep level.
 */
const inputProblems = (input: unknown): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; place: Place | null; depth: number }[] = [{ value: input, place: null, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, place, depth } = item;
    const keyWhy = place ? unstorableText(place.key) : null;
    if (keyWhy) problems.push({ field: fieldOf(place), message: `(the field name) ${keyWhy}` });
    if (typeof value === 'string') {
      const why = unstorableText(value);
      if (why) problems.push({ field: fieldOf(place), message: why });
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth + 1 > MAX_INPUT_DEPTH) {
      return [{ field: '(body)', message: `is nested deeper than ${MAX_INPUT_DEPTH} levels, the limit for a request body` }];
    }
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    // reversed onto the stack, so that problems come out in document order
    for (const [key, child] of entries.reverse()) stack.push({ value: child, place: { key, parent: place }, depth: depth + 1 });
  }
  return problems;
};

/**
 * Validates input against a zod schema; every problem becomes a 400 that names its field
 * (`regeneration_config.temperature`, `entry_ids.2`, or the query parameter).
 */
export const parseInput = <S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> => {
  const unparseable = inputProblems(input);
  if (unparseable.length) throw new ValidationError(unparseable);
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data as z.output<S>;
  const problems = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: describe(issue) }))
      : [{ field: issue.path.join('.') || '(body)', message: describe(issue) }],
  );
  throw new ValidationError(problems);
};
