const PAIRS: readonly (readonly [string, string])[] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['\u201c', '\u201d'],
];

/** Unbalanced brackets, double quotes or backticks: the mark of a span cut out of code or out of a longer sentence. */
export const unbalanced = (text: string): boolean => {
  const count = (ch: string): number => text.split(ch).length - 1;
  if (PAIRS.some(([open, close]) => count(open) !== count(close))) return true;
  return count('"') % 2 === 1 || count('`') % 2 === 1;
};
