import { request } from 'node:http';
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

/** Reads the first bytes of a download, then drops the connection. */
const abortAfterFirstChunk = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.once('data', (chunk: Buffer) => {
        req.destroy();
        resolve(chunk.length);
      });
    });
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    req.end();
  });

/** A client that aborts a download is no server error: no error-level line, no stack trace. */
describe('an aborted download', () => {
  jest.setTimeout(180_000);
  let service: ServiceProcess | null = null;
  let cleanup: (() => Promise<void>) | null = null;

  afterEach(async () => {
    if (service) await stopService(service, 'SIGKILL');
    await cleanup?.();
    service = null;
    cleanup = null;
  });

  it.each([
    ['JSONL', false],
    ['a ZIP of splits', true],
  ])('of %s logs no error', async (_what, splits) => {
    const isolated = await isolatedEnvironment('pglite');
    cleanup = isolated.cleanup;
    service = await startService({ ...isolated.env, LOG_LEVEL: 'debug' }, await freePort());
    const project = await call(service, 'POST', '/projects', { name: 'abort' });
    await call(service, 'POST', '/documents', { project_id: project.id, file_name: 'big.md', content: syntheticMarkdown(300) });
    const started = await call(service, 'POST', '/datasets/generate', {
      project_id: project.id,
      classification_model: 'extractive',
      concurrency: 4,
      datasets_per_chunk: 10,
      include_evaluation_sets: splits,
    });
    for (
      let s = await call(service, 'GET', `/datasets/generate/${String(started.job_id)}/status`);
      s.status !== 'completed';
      s = await call(service, 'GET', `/datasets/generate/${String(started.job_id)}/status`)
    ) {
      if (s.status === 'failed') throw new Error(JSON.stringify(s));
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = `${service.baseUrl}/api/v1/datasets/${String(started.dataset_id)}/download`;
    for (let i = 0; i < 3; i++) expect(await abortAfterFirstChunk(url)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000)); // let the server notice
    expect((await fetch(url)).status).toBe(200); // and it still serves the whole file

    const lines = service
      .output()
      .split('\n')
      .filter((l) => l.trim() !== '');
    const errors = lines.filter((l) => !l.startsWith('{') || (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
  });
});
