import { ValidationError } from '@compileo/domain';
import type { z } from 'zod';

const describe = (issue: z.ZodIssue): string => {
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''}`;
  return issue.message;
};

/** Paths of strings holding a NUL character, which no text field accepts (the event log cannot store it). */
const nulPaths = (value: unknown, path: string[] = []): string[] => {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.') || '(body)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulPaths(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nulPaths(v, [...path, k]));
  return [];
};

/**
 * Validates input against a zod schema; every problem becomes a 400 that names its field
 * (`regeneration_config.temperature`, `entry_ids.2`, or the query parameter).
 */
export const parseInput = <S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> => {
  const nul = nulPaths(input);
  if (nul.length) throw new ValidationError(nul.map((field) => ({ field, message: 'must not contain NUL (\\u0000) characters' })));
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data as z.output<S>;
  const problems = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: describe(issue) }))
      : [{ field: issue.path.join('.') || '(body)', message: describe(issue) }],
  );
  throw new ValidationError(problems);
};
