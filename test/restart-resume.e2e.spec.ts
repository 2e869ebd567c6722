import { isolatedEnvironment, testBackends } from './support/test-app';
import { freePort, startService, stopAllServices, stopService, type ServiceProcess } from './support/service-process';
import { syntheticMarkdown } from '@compileo/testing';

interface Json {
  [key: string]: unknown;
}

const call = async (service: ServiceProcess, method: string, path: string, body?: unknown): Promise<Json> => {
  const res = await fetch(`${service.baseUrl}/api/v1${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as Json;
};

/**
 * Polls until `probe` gives a value. No deadline of its own: the test's timeout is the hang guard, and once
 * the teardown has stopped the service the probe's request fails, which ends the loop.
 */
const waitUntil = async <T>(probe: () => Promise<T | null>): Promise<T> => {
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Every entry of a dataset as "source_chunk|question", sorted, paging through the API. */
const entryKeys = async (service: ServiceProcess, datasetId: string): Promise<string[]> => {
  const keys: string[] = [];
  for (let page = 1; ; page++) {
    const res = await call(service, 'GET', `/datasets/${datasetId}/entries?per_page=1000&page=${page}&sort_by=category`);
    const entries = res.entries as { source_chunk: string; question: string }[];
    keys.push(...entries.map((e) => `${e.source_chunk}|${e.question}`));
    if (entries.length < 1000) return keys.sort();
  }
};

const SECTIONS = 500;

const runs = testBackends().flatMap((backend) => (['SIGKILL', 'SIGTERM'] as const).map((signal) => [backend, signal] as const));

describe.each(runs)('a job interrupted mid-run on %s by %s', (backend, signal) => {
  jest.setTimeout(180_000);
  let isolated: Awaited<ReturnType<typeof isolatedEnvironment>> | null = null;
  // Also after a failed or timed-out test, and whichever start-up failed: nothing keeps running.
  afterEach(async () => {
    await stopAllServices();
    await isolated?.cleanup();
    isolated = null;
  });

  it('resumes after a restart from the last finished chunk, without duplicating entries', async () => {
    isolated = await isolatedEnvironment(backend);
    const port = await freePort();
    let service = await startService(isolated.env, port);
    const project = await call(service, 'POST', '/projects', { name: 'restart' });
    await call(service, 'POST', '/documents', { project_id: project.id, file_name: 'big.md', content: syntheticMarkdown(SECTIONS) });
    const started = await call(service, 'POST', '/datasets/generate', {
      project_id: project.id,
      classification_model: 'extractive',
      concurrency: 1,
    });
    const jobId = String(started.job_id);

    const before = await waitUntil(async () => {
      const s = await call(service, 'GET', `/datasets/generate/${jobId}/status`);
      return s.status === 'running' && Number(s.progress) >= 2 ? s : null;
    });
    await stopService(service, signal);
    expect(before.status).toBe('running');

    service = await startService(isolated.env, port);
    const mid = await call(service, 'GET', `/datasets/generate/${jobId}/status`);
    expect(mid.status).not.toBe('completed');
    expect(Number(mid.progress)).toBeGreaterThan(0);

    const done = await waitUntil(async () => {
      const s = await call(service, 'GET', `/datasets/generate/${jobId}/status`);
      return s.status === 'completed' || s.status === 'failed' ? s : null;
    });
    expect(done.status).toBe('completed');
    expect(done.attempts).toBe(2);
    const result = done.result as { dataset_id: string; chunks_processed: number; entries_count: number };
    expect(result.chunks_processed).toBe(SECTIONS);

    // The same generation run without interruption gives exactly the same entries.
    const baseline = await call(service, 'POST', '/datasets/generate', {
      project_id: project.id,
      classification_model: 'extractive',
      concurrency: 4,
    });
    const baselineDone = await waitUntil(async () => {
      const s = await call(service, 'GET', `/datasets/generate/${String(baseline.job_id)}/status`);
      return s.status === 'completed' || s.status === 'failed' ? s : null;
    });
    expect(baselineDone.status).toBe('completed');
    const resumedKeys = await entryKeys(service, result.dataset_id);
    const baselineKeys = await entryKeys(service, String((baselineDone.result as { dataset_id: string }).dataset_id));
    expect(new Set(resumedKeys).size).toBe(resumedKeys.length);
    expect(resumedKeys).toHaveLength(result.entries_count);
    expect(resumedKeys).toEqual(baselineKeys);
    await stopService(service, 'SIGTERM');
  });
});
