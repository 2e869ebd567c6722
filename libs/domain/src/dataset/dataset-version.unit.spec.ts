import { bumpPatch, nextMinorVersion } from '@compileo/domain';

describe('dataset versions', () => {
  describe('bumpPatch', () => {
    it.each([
      ['1.0.0', '1.0.1'],
      ['1.0.9', '1.0.10'],
      ['2.3.41', '2.3.42'],
      ['0.0.0', '0.0.1'],
    ])('%s → %s', (from, to) => expect(bumpPatch(from)).toBe(to));

    it('fills the missing parts of a short version', () => {
      expect(bumpPatch('2')).toBe('2.0.1');
      expect(bumpPatch('2.5')).toBe('2.5.1');
    });
  });

  describe('nextMinorVersion', () => {
    it('starts at 1.0.0', () => expect(nextMinorVersion([])).toBe('1.0.0'));

    it('bumps the minor of the highest version and resets the patch', () => {
      expect(nextMinorVersion(['1.0.0'])).toBe('1.1.0');
      expect(nextMinorVersion(['1.0.3'])).toBe('1.1.0');
      expect(nextMinorVersion(['1.1.0', '1.0.5'])).toBe('1.2.0');
    });

    it('compares numerically, not as strings, and majors before minors', () => {
      expect(nextMinorVersion(['1.9.0', '1.10.0', '1.2.7'])).toBe('1.11.0');
      expect(nextMinorVersion(['1.12.0', '2.0.3', '1.99.0'])).toBe('2.1.0');
      expect(nextMinorVersion(['10.0.0', '9.5.0'])).toBe('10.1.0');
    });

    it('does not depend on the order of its input and does not mutate it', () => {
      const existing = ['1.3.0', '1.1.0', '1.2.2'];
      const copy = [...existing];
      expect(nextMinorVersion(existing)).toBe('1.4.0');
      expect(nextMinorVersion([...existing].reverse())).toBe('1.4.0');
      expect(existing).toEqual(copy);
    });

    it('after patch bumps of the latest version, the next generation still bumps the minor', () => {
      expect(nextMinorVersion(['1.0.0', bumpPatch(bumpPatch('1.1.0'))])).toBe('1.2.0');
    });
  });
});
