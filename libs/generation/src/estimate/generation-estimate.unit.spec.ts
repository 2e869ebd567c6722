import {
  DEFAULT_CALL_LATENCY_MS,
  estimateGeneration,
  estimateTokens,
  observedLatencyMs,
  OUTPUT_TOKENS_PER_ITEM,
  type EstimateInput,
} from './generation-estimate';

const base: EstimateInput = {
  promptTokens: [100, 200, 300],
  chunkTokens: [50, 60, 70],
  itemsPerChunk: 2,
  augmented: false,
  judged: false,
  benchmarked: false,
  concurrency: 2,
  offline: false,
  timings: [],
};

describe('generation estimate', () => {
  it('counts tokens at 4 characters each, rounding up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcde')).toBe(2);
  });

  it('one generation call per chunk; prompt tokens in, items × the per-item allowance out', () => {
    const e = estimateGeneration(base);
    expect(e.entries).toBe(6);
    expect(e.calls).toEqual({ generation: 3, judge: 0, benchmark: 0, total: 3 });
    expect(e.generationTokens).toEqual({ input: 600, output: 6 * OUTPUT_TOKENS_PER_ITEM });
    expect(e.judgeTokens).toEqual({ input: 0, output: 0 });
  });

  it('a judge call per entry (variants included) reading its chunk; benchmarks ask twice per test entry', () => {
    const e = estimateGeneration({ ...base, augmented: true, judged: true, benchmarked: true });
    expect(e.entries).toBe(12);
    expect(e.calls).toEqual({ generation: 3, judge: 12, benchmark: 4, total: 19 });
    expect(e.judgeTokens.input).toBe(4 * 180 + 12 * OUTPUT_TOKENS_PER_ITEM);
  });

  it('duration: rounds of `concurrency` calls at the default latency without observations', () => {
    expect(estimateGeneration(base)).toMatchObject({
      latency: { msPerCall: DEFAULT_CALL_LATENCY_MS.remote, basis: 'default', jobs: 0 },
      durationMs: 2 * DEFAULT_CALL_LATENCY_MS.remote,
    });
    expect(estimateGeneration({ ...base, offline: true }).latency.msPerCall).toBe(DEFAULT_CALL_LATENCY_MS.offline);
  });

  it('duration: per-call latency observed from timed jobs (wall time × concurrency over calls)', () => {
    const timings = [
      { steps: 10, elapsedMs: 5000, concurrency: 2 },
      { steps: 10, elapsedMs: 10000, concurrency: 1 },
    ];
    expect(observedLatencyMs(timings)).toBe(1000);
    expect(observedLatencyMs([])).toBeNull();
    expect(estimateGeneration({ ...base, timings })).toMatchObject({
      latency: { msPerCall: 1000, basis: 'observed', jobs: 2 },
      durationMs: 2000,
    });
  });
});
