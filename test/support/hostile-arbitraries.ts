import fc from 'fast-check';

/** Fragments that have broken servers: NUL, lone surrogates, separators, escapes, injection bait. */
const HOSTILE_TEXT = [
  '\u0000',
  '\ud800',
  '\udfff',
  'a\ud83db',
  'x\u0000y',
  '\ufffe',
  '\u202e',
  '🙂',
  '%',
  '%00',
  '../',
  '/',
  '\\',
  ' ',
  '',
  '\n',
  "'; DROP TABLE es_events; --",
  '${x}',
  '{{x}}',
  '<script>',
  'entry_1',
  'dataset_',
];

/** Any UTF-16 code unit, so lone surrogates come up as often as anything else. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: anyCodeUnit, maxLength: 24 }),
  fc.array(fc.constantFrom(...HOSTILE_TEXT), { maxLength: 6 }).map((parts) => parts.join('')),
  // long, but well within the body limit
  fc.integer({ min: 256, max: 60_000 }).map((n) => 'x'.repeat(n)),
);

/** Text the event log cannot store, in the places it turns up. */
export const unstorableString: fc.Arbitrary<string> = fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\u0000b', 'a\ud83db', 'ok\udc00');

/** Stands for a number JSON can write but JavaScript cannot hold; `jsonText` swaps it in. */
const BIG_NUMBER = '\u0001BIG_NUMBER\u0001';
const BIG_NUMBER_TEXT = `1${'0'.repeat(400)}`;

/** Stand for arrays nested that deep, written as text by `jsonText` (JSON.stringify itself would overflow the stack). */
const DEEP = [65, 3_000, 100_000] as const;
const deepMarker = (levels: number): string => `\u0001DEEP_${levels}\u0001`;
export const deepNesting: fc.Arbitrary<string> = fc.constantFrom(...DEEP.map(deepMarker));

export const hostileNumber: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(0, -1, -0, 1.5, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e308, -1e308, Number.MIN_VALUE, BIG_NUMBER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Numbers as they arrive in a query string or header. */
export const hostileNumeral: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('1'.repeat(400), '1e400', '-1', '0', '-0', 'NaN', 'Infinity', '0x10', ' 5 ', '5.5', '1e3', '', '9007199254740993'),
  fc.integer().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 60n }).map(String),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('name', 'children', '__proto__', 'constructor')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** `levels` arrays one inside the other around `inner`. */
export const nestedIn = (levels: number, inner: unknown = 1): unknown => {
  let value = inner;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

/** JSON text of `value`, with each BIG_NUMBER written as a 401-digit number and each deep marker as its nesting. */
export const jsonText = (value: unknown): string =>
  DEEP.reduce(
    (text, levels) => text.split(JSON.stringify(deepMarker(levels))).join(`${'['.repeat(levels)}${']'.repeat(levels)}`),
    (JSON.stringify(value) ?? 'null').split(JSON.stringify(BIG_NUMBER)).join(BIG_NUMBER_TEXT),
  );

/** Raw bodies no JSON value produces: truncated, deep past any stack, numbers past a double. */
export const RAW_BODIES = [
  '{',
  '',
  'null',
  '"x"',
  '[]',
  BIG_NUMBER_TEXT,
  '{"a": 1, "a": 2}',
  '{"__proto__": {"polluted": true}}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
];

/** Header values Node's client will send (no control characters): what a hostile client can put on the wire. */
export const headerValue = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  arb.map((s) => s.slice(0, 4000)).filter((s) => /^[\t\x20-\x7e\x80-\xff]*$/.test(s));

/** Percent-encodes a path or query component; a lone surrogate becomes its 3-byte (CESU) form, which no decoder accepts. */
export const encodeComponent = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(text[i]);
  }
  return out;
};

/** Escapes that are not well-formed percent-encoding or UTF-8, sent as they are. */
export const RAW_ESCAPES = ['%00', '%', '%zz', '%ED%A0%80', '%C0%80', '%FF', '%2F', '%2e%2e', 'a%00b'];
