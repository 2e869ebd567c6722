import { headingLessProse, syntheticMarkdown } from '@compileo/testing';
import { json, percentile, post, runBench, startService, watchJob } from '../support/service';

/**
 * Is the event loop free while large jobs run? Starts the built service (embedded: API and worker in one
 * process), then, while one client asks /health over and over (one request at a time): ingests the
 * BENCH_SECTIONS-section Markdown document and a BENCH_UPLOAD_MB heading-less text, generates a dataset of about BENCH_SECTIONS × BENCH_ITEMS entries with splits, regenerates BENCH_REGENERATE
 * of its entries, and downloads it (a ZIP of the splits) as JSONL and as Parquet. Prints /health latency percentiles for each
 * phase; `completion` is the generation's last stretch, from its last chunk (`Finishing`) to `completed`.
 */
// Two items from each four-sentence section: the offline model regenerates an entry from a sentence its chunk's
// other entries do not use, so every entry can be regenerated.
const SECTIONS = Number(process.env.BENCH_SECTIONS ?? 5000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 2);
const REGENERATE = Number(process.env.BENCH_REGENERATE ?? 10000);
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 5);

const print = (metric: string, value: number, unit: string, extra: Record<string, unknown> = {}): void => {
  process.stdout.write(
    `${JSON.stringify({ bench: 'event-loop', metric, value: Math.round(value * 10) / 10, unit, sections: SECTIONS, items: ITEMS, ...extra })}\n`,
  );
};

/** /health latencies, each stamped with the time it was sent. */
class HealthProbe {
  readonly samples: { at: number; ms: number }[] = [];
  private running = true;
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly base: string) {}

  start(): void {
    this.done = (async () => {
      while (this.running) {
        const at = performance.now();
        await fetch(`${this.base}/health`).then((r) => r.arrayBuffer());
        this.samples.push({ at, ms: performance.now() - at });
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  report(phase: string, from: number, to: number, extra: Record<string, unknown>): void {
    const sorted = this.samples
      .filter((s) => s.at >= from && s.at <= to)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const context = { phase, samples: sorted.length, phase_ms: Math.round(to - from), ...extra };
    print('health_p50', percentile(sorted, 50), 'ms', context);
    print('health_p99', percentile(sorted, 99), 'ms', context);
    print('health_max', sorted.at(-1) ?? 0, 'ms', context);
  }
}

const entryIds = async (B: string, datasetId: string, count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let page = 1; ids.length < count; page++) {
    const body = await json<{ entries: { id: string }[] }>(`${B}/datasets/${datasetId}/entries?per_page=1000&page=${page}`);
    if (body.entries.length === 0) break;
    ids.push(...body.entries.map((e) => e.id));
  }
  return ids.slice(0, count);
};

const main = async (): Promise<void> => {
  const service = await startService();
  const probe = new HealthProbe(service.base);
  try {
    const B = service.api;
    const project = await post<{ id: string }>(`${B}/projects`, { name: 'bench' });
    const markdown = syntheticMarkdown(SECTIONS);
    const prose = headingLessProse(UPLOAD_MB * 1024 * 1024);
    probe.start();
    const ingestStartedAt = performance.now();
    await post(`${B}/documents`, { project_id: project.id, file_name: 'big.md', content: markdown });
    probe.report('ingestion_markdown', ingestStartedAt, performance.now(), { bytes: markdown.length });
    const proseStartedAt = performance.now();
    const other = await post<{ id: string }>(`${B}/projects`, { name: 'bench prose' });
    await post(`${B}/documents`, { project_id: other.id, file_name: 'prose.txt', content: prose });
    probe.report('ingestion_text', proseStartedAt, performance.now(), { bytes: prose.length });

    const startedAt = performance.now();
    const job = await post<{ job_id: string }>(`${B}/datasets/generate`, {
      project_id: project.id,
      classification_model: 'extractive',
      datasets_per_chunk: ITEMS,
      include_evaluation_sets: true,
      concurrency: 4,
    });
    const generated = await watchJob(`${B}/datasets/generate/${job.job_id}/status`);
    const datasetId = generated.status.result?.dataset_id ?? '';
    const entries = generated.status.result?.entries_count ?? 0;
    probe.report('generation', startedAt, generated.finishingAt, { entries });
    probe.report('completion', generated.finishingAt, generated.endedAt, { entries });

    const ids = await entryIds(B, datasetId, REGENERATE);
    const regenStartedAt = performance.now();
    const regen = await post<{ job_id: string }>(`${B}/datasets/${datasetId}/regenerate`, {
      entry_ids: ids,
      regeneration_config: { model: 'extractive' },
    });
    const regenerated = await watchJob(`${B}/datasets/generate/${regen.job_id}/status`);
    probe.report('regeneration', regenStartedAt, regenerated.endedAt, { entries, regenerated: ids.length });

    for (const format of ['jsonl', 'parquet']) {
      const downloadStartedAt = performance.now();
      const res = await fetch(`${B}/datasets/${datasetId}/download?format=${format}`);
      if (!res.ok || !res.body) throw new Error(`download: ${res.status}`);
      let bytes = 0;
      for await (const part of res.body) bytes += (part as Uint8Array).byteLength;
      probe.report(`download_${format}`, downloadStartedAt, performance.now(), { entries, bytes });
    }
  } finally {
    await probe.stop();
    await service.stop();
  }
};

runBench(main);
