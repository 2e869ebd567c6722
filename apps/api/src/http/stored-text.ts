/**
 * Text the event log cannot store: PostgreSQL rejects NUL in `text` and `jsonb`, and a lone UTF-16
 * surrogate in `jsonb`. Both arrive easily (`%00`, `"\u0000"`, `"\ud800"`), so they are a 400, not a 500.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, as a field problem's message; null when it can. */
export const unstorableText = (text: string): string | null => {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (invalid Unicode)';
  return null;
};
