import { withoutNul } from './without-nul';

describe('withoutNul', () => {
  it('strips NUL from strings at any depth and leaves other values alone', () => {
    expect(withoutNul({ a: 'x\u0000y', b: [1, 'z\u0000', null, { c: '\u0000' }], d: true })).toEqual({
      a: 'xy',
      b: [1, 'z', null, { c: '' }],
      d: true,
    });
  });
});
