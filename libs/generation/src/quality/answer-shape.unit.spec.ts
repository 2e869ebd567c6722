import { completenessScore, proseScore } from './answer-shape';

describe('completenessScore', () => {
  it.each([
    ['To write logs to a file, you can configure a transport like:', 0],
    ['He developed an oil-based ink and a metal alloy of lead, tin and', 0.1],
    ['Several transports can be combined, and each target may', 0.1],
    ['Common symptoms include thirst,', 0.2],
    ['Call it (see below.', 0.3],
    ['600 requests per minute', 0.85],
    ['It sounds hollow when you tap it underneath.', 1],
  ])('scores %j as %f', (answer, expected) => expect(completenessScore(answer)).toBe(expected));
});

describe('proseScore', () => {
  it('accepts prose with a little inline code', () => {
    expect(proseScore('Transports are configured with the `transport` option when the logger is created.')).toBe(1);
    expect(proseScore('Call `logger.flush()` when the process exits, so that buffered lines are written.')).toBe(1);
  });
  it.each([
    '```js\nconst logger = lumber()\n```',
    "const logger = lumber({\n  transport: { target: 'lumber/file' }\n})",
    '`sol = 24h 39m`',
    'GET /api/v1/items?page=2&per_page=50',
  ])('rejects code %j', (answer) => expect(proseScore(answer)).toBe(0));
  it.each(['| Basis | Article |\n|---|---|', '## Baking\nBake it hot.', '<p>The <b>Bible</b> was printed.</p>', '- pollen\n- cold air'])(
    'marks markup %j down',
    (answer) => expect(proseScore(answer)).toBeLessThanOrEqual(0.4),
  );
});
