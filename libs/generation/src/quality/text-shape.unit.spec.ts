import { unbalanced } from './text-shape';

describe('unbalanced', () => {
  it.each(['Call it (see below).', 'A [b] {c} \u201cd\u201d', 'The "level" option', 'Use `flush()` here.', 'Plain text.', '((a)) [[b]]'])(
    '%j is balanced',
    (text) => expect(unbalanced(text)).toBe(false),
  );

  it.each([
    'Call it (see below.',
    'see below)',
    'a [b',
    'b]',
    'a {b',
    'b}',
    '\u201cquoted',
    'quoted\u201d',
    'The "level option',
    'Use `flush() here.',
    '(a))',
  ])('%j is unbalanced', (text) => expect(unbalanced(text)).toBe(true));
});
