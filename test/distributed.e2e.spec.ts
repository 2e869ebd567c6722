import { isolatedEnvironment, testBackends } from './support/test-app';
import { freePort, startService, startWorker, stopAllServices, stopService } from './support/service-process';
import { fixture } from './support/api-flow';

const json = async (res: Response): Promise<Record<string, unknown>> => {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
};

/** Distributed mode needs a shared database, so this runs only on PostgreSQL. */
const backends = testBackends().filter((b) => b === 'postgres');

describe('distributed mode: the API and a separate worker process on one PostgreSQL', () => {
  if (backends.length === 0) {
    it('SKIPPED: TEST_DATABASE_URL is not set, so the two-process run was not exercised', () => undefined);
    return;
  }
  jest.setTimeout(120_000);
  let isolated: Awaited<ReturnType<typeof isolatedEnvironment>> | null = null;
  // Also after a failed or timed-out test, or a failed start-up: neither process keeps running.
  afterEach(async () => {
    await stopAllServices();
    await isolated?.cleanup();
    isolated = null;
  });

  it('the API records the request, the worker generates, the API serves the result', async () => {
    isolated = await isolatedEnvironment('postgres');
    const api = await startService({ ...isolated.env, COMPILEO_IN_PROCESS_WORKER: 'false' }, await freePort());
    const worker = await startWorker(isolated.env);
    const base = `${api.baseUrl}/api/v1`;
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(json);
    const project = await post('/projects', { name: 'distributed' });
    await post('/documents', { project_id: project.id, file_name: 'diabetes.md', content: await fixture('diabetes.md') });
    const started = await post('/datasets/generate', { project_id: project.id, classification_model: 'extractive' });
    // No deadline: the test's timeout is the hang guard; once the teardown stops the API this request fails.
    let status: Record<string, unknown>;
    for (;;) {
      status = await fetch(`${base}/datasets/generate/${String(started.job_id)}/status`).then(json);
      if (status.status === 'completed' || status.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status.status).toBe('completed');
    const dataset = await fetch(`${base}/datasets/${String(started.dataset_id)}`).then(json);
    expect(dataset.total_entries).toBeGreaterThan(0);
    expect(worker.output()).not.toMatch(/error/i);
    await stopService(worker, 'SIGTERM');
    await stopService(api, 'SIGTERM');
  });
});
