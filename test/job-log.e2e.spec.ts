import { startFakeOpenAI, type FakeServer } from '../libs/generation/src/providers/testing';
import { freePort, startService, stopService, type ServiceProcess } from './support/service-process';
import { syntheticMarkdown } from '@compileo/testing';
import { isolatedEnvironment } from './support/test-app';

type Json = Record<string, unknown>;

const call = async (service: ServiceProcess, method: string, path: string, body?: unknown): Promise<Json> => {
  const res = await fetch(`${service.baseUrl}/api/v1${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as Json;
};

const waitForStatus = async (service: ServiceProcess, jobId: string, done: (s: Json) => boolean, timeoutMs = 90_000): Promise<Json> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await call(service, 'GET', `/datasets/generate/${jobId}/status`);
    if (done(s)) return s;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stuck: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** The job lines of a process's output (JSON lines with `job_event`), for one job. */
const jobLines = (service: ServiceProcess, jobId: string): Json[] =>
  service
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Json)
    .filter((l) => l.context === 'Jobs' && l.job_id === jobId);

const line = (lines: Json[], jobEvent: string): Json => {
  const found = lines.find((l) => l.job_event === jobEvent);
  if (!found) throw new Error(`no '${jobEvent}' line in ${JSON.stringify(lines, null, 1)}`);
  expect(found.level).toBe(30); // info
  return found;
};

/** Jobs log their lifecycle at info: requested, started or resumed, chunk failed (with the reason), completed or failed. */
describe('job lifecycle log lines', () => {
  jest.setTimeout(180_000);
  const services: ServiceProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const s of services.splice(0)) await stopService(s, 'SIGKILL');
    for (const c of cleanups.splice(0)) await c();
  });

  const start = async (env: Record<string, string>, port: number): Promise<ServiceProcess> => {
    const service = await startService({ LOG_LEVEL: 'info', ...env }, port);
    services.push(service);
    return service;
  };

  it('logs requested, started, resumed after a crash, and completed with counts and duration; regeneration too', async () => {
    const isolated = await isolatedEnvironment('pglite');
    cleanups.push(() => isolated.cleanup());
    const port = await freePort();
    let service = await start(isolated.env, port);
    const project = await call(service, 'POST', '/projects', { name: 'logs' });
    await call(service, 'POST', '/documents', { project_id: project.id, file_name: 'big.md', content: syntheticMarkdown(400) });
    const { job_id: jobId, dataset_id: datasetId } = (await call(service, 'POST', '/datasets/generate', {
      project_id: project.id,
      classification_model: 'extractive',
      concurrency: 1,
    })) as { job_id: string; dataset_id: string };
    await waitForStatus(service, jobId, (s) => s.status === 'running' && Number(s.progress) >= 2);
    await stopService(service, 'SIGKILL');

    const first = jobLines(service, jobId);
    expect(line(first, 'requested')).toMatchObject({ dataset_id: datasetId, kind: 'generation', model: 'extractive' });
    expect(line(first, 'started')).toMatchObject({ done: 0 });

    service = await start(isolated.env, port);
    const finished = await waitForStatus(service, jobId, (s) => s.status === 'completed' || s.status === 'failed');
    expect(finished.status).toBe('completed');
    const second = jobLines(service, jobId);
    const resumed = line(second, 'resumed');
    expect(Number(resumed.done)).toBeGreaterThan(0);
    expect(resumed.msg).toContain('resumed');
    const completed = line(second, 'completed');
    expect(completed).toMatchObject({ chunks_failed: 0, entries: (finished.result as Json).entries_count });
    expect(typeof completed.duration_ms).toBe('number');

    const regen = (await call(service, 'POST', `/datasets/${datasetId}/regenerate`, {
      entry_ids: ['entry_1'],
      regeneration_config: {},
    })) as { job_id: string };
    await waitForStatus(service, regen.job_id, (s) => s.status === 'completed' || s.status === 'failed');
    await new Promise((r) => setTimeout(r, 200)); // the completion line follows the event that the status reads
    const regenLines = jobLines(service, regen.job_id);
    expect(line(regenLines, 'requested')).toMatchObject({ kind: 'regeneration', entries: 1 });
    line(regenLines, 'started');
    expect(line(regenLines, 'completed')).toMatchObject({ entries: 1 });
  });

  it('logs each failed chunk with its reason, and the failed job', async () => {
    const fake: FakeServer = await startFakeOpenAI({ kind: 'error', status: 400, message: 'the fake refuses this prompt' });
    cleanups.push(() => fake.close());
    const isolated = await isolatedEnvironment('pglite');
    cleanups.push(() => isolated.cleanup());
    const service = await start({ ...isolated.env, OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'k' }, await freePort());
    const project = await call(service, 'POST', '/projects', { name: 'failing' });
    await call(service, 'POST', '/documents', { project_id: project.id, file_name: 'small.md', content: syntheticMarkdown(3) });
    const { job_id: jobId } = (await call(service, 'POST', '/datasets/generate', {
      project_id: project.id,
      classification_model: 'openai:gpt-4o-mini',
    })) as { job_id: string };
    const finished = await waitForStatus(service, jobId, (s) => s.status === 'completed' || s.status === 'failed');
    expect(finished.status).toBe('failed');
    await new Promise((r) => setTimeout(r, 200));
    const lines = jobLines(service, jobId);
    const failedChunk = line(lines, 'chunk_failed');
    expect(failedChunk.chunk_index).toEqual(expect.any(Number));
    expect(String(failedChunk.reason)).toContain('the fake refuses this prompt');
    expect(String(line(lines, 'failed').reason)).toContain('every chunk failed');
  });
});
