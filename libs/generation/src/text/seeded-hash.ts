/**
 * cyrb53: a fast, well-mixed, non-cryptographic 53-bit string hash. Pure and stable across platforms, so it
 * can stand in for randomness wherever an order or bucket must be reproducible from a seed.
 */
export const hash53 = (text: string, seed = 0): number => {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

/** A uniform value in [0, 1) determined by `seed` and `key`. */
export const seededUnit = (seed: string, key: string): number => hash53(`${seed}\u0000${key}`) / 2 ** 53;
