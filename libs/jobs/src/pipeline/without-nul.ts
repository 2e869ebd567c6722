/**
 * Removes NUL characters from every string in a value. Model replies may contain them, and PostgreSQL's
 * jsonb (the event log) cannot store them.
 */
export const withoutNul = <T>(value: T): T => {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutNul(k), withoutNul(v)])) as T;
  return value;
};
