import { byteSize } from './byte-size';

describe('byteSize', () => {
  it.each([
    [20 * 1024 * 1024, '20 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [4096, '4 KB'],
    [1000, '1000 bytes'],
  ])('%d is %s', (bytes, text) => expect(byteSize(bytes)).toBe(text));
});
