import { negativesForChunk, shareForChunk, shareOfJob } from './job-shares';

const allocation = (ratio: number, perChunk: number, chunks: number): number[] =>
  Array.from({ length: chunks }, (_, i) => shareForChunk(ratio, perChunk, i));
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('shares allocated over the whole job (largest remainder, by chunk index)', () => {
  it('0.1 of 3 items a chunk is not rounded away per chunk: 3 negatives in 10 chunks, spread out', () => {
    expect(allocation(0.1, 3, 10)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 1, 0]);
  });

  it('0.2 and 0.5 of 3 items a chunk hold their share instead of 34% and 67%', () => {
    expect(sum(allocation(0.2, 3, 10))).toBe(6);
    expect(sum(allocation(0.5, 3, 10))).toBe(15);
    expect(allocation(0.5, 3, 4)).toEqual([2, 1, 2, 1]);
  });

  it.each([0, 0.05, 0.1, 0.2, 0.25, 1 / 3, 0.5, 0.7, 0.9, 1])(
    'ratio %p: every prefix of the job is within half an item of its share',
    (ratio) => {
      for (const perChunk of [1, 2, 3, 4, 5, 7, 10, 50]) {
        const counts = allocation(ratio, perChunk, 200);
        let running = 0;
        counts.forEach((n, i) => {
          running += n;
          expect(n).toBeGreaterThanOrEqual(Math.floor(perChunk * ratio + 1e-9));
          expect(n).toBeLessThanOrEqual(Math.min(perChunk, Math.ceil(perChunk * ratio - 1e-9)));
          expect(Math.abs(running - (i + 1) * perChunk * ratio)).toBeLessThanOrEqual(0.5 + 1e-9);
          expect(running).toBe(shareOfJob(ratio, perChunk, i + 1));
        });
      }
    },
  );

  it('depends only on the chunk index: a resumed job (any order, any subset left) allocates identically', () => {
    const first = allocation(0.3, 4, 50);
    const resumed = [49, 3, 17, 0, 25].map((i) => shareForChunk(0.3, 4, i));
    expect(resumed).toEqual([49, 3, 17, 0, 25].map((i) => first[i]));
  });

  it('binary fractions round as written: 0.7 of 3 over 5 chunks is 10.5 → 11', () => {
    expect(shareOfJob(0.7, 3, 5)).toBe(11);
    expect(sum(allocation(0.7, 3, 5))).toBe(11);
  });

  it('clamps the ratio: absent, NaN or negative → none; above 1 → every item', () => {
    for (const ratio of [undefined, null, Number.NaN, -0.5, 0]) expect(shareForChunk(ratio, 3, 1)).toBe(0);
    expect(allocation(1.5, 3, 3)).toEqual([3, 3, 3]);
    expect(shareForChunk(0.5, 0, 0)).toBe(0);
    expect(shareForChunk(0.5, 3, -1)).toBe(0);
  });

  it('a mode without negatives (summarization) asks for none', () => {
    const config = { generation_mode: 'summarization' as const, datasets_per_chunk: 3, parameters: { negativity_ratio: 0.5 } };
    expect(negativesForChunk(config, 0)).toBe(0);
    expect(negativesForChunk({ ...config, generation_mode: 'default' }, 0)).toBe(2);
    expect(negativesForChunk({ ...config, generation_mode: 'question', parameters: {} }, 0)).toBe(0);
  });
});
