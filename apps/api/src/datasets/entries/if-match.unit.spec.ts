import { ifMatchVersion } from './entries.schemas';

describe('ifMatchVersion', () => {
  it.each([
    ['3', 3],
    ['"3"', 3],
    ['W/"3"', 3],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
  ])('reads %s as version %d', (header, version) => expect(ifMatchVersion(header)).toBe(version));

  it('reads an absent or blank header as no condition', () => {
    expect(ifMatchVersion(undefined)).toBeNull();
    expect(ifMatchVersion('  ')).toBeNull();
  });

  it.each(['1'.repeat(400), String(2 ** 53), '0', '"00"', '*', '3.0', '-1'])('rejects %s: not a version', (header) =>
    expect(ifMatchVersion(header)).toBe('invalid'),
  );
});
