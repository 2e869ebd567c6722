import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestApp } from './test-app';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export const fixture = (name: string): Promise<string> => readFile(join(FIXTURES, name), 'utf8');

/** Creates a project and uploads the given fixture documents as JSON; returns the project id. */
export const projectWithDocuments = async (t: TestApp, ...files: string[]): Promise<string> => {
  const project = await t.http.post('/api/v1/projects').send({ name: 'test project' }).expect(201);
  for (const file of files) {
    await t.http
      .post('/api/v1/documents')
      .send({ project_id: project.body.id, file_name: file, content: await fixture(file) })
      .expect(201);
  }
  return project.body.id;
};

export interface JobStatus {
  readonly job_id: string;
  readonly status: string;
  readonly progress: number;
  readonly current_step: string;
  readonly result: Record<string, unknown> | null;
  readonly error: string | null;
}

/**
 * Polls a job's status until it leaves pending/running. No deadline: how long a job takes depends on the
 * machine's load, and the test's timeout is the hang guard (once the app is closed the request fails).
 */
export const waitForJob = async (t: TestApp, jobId: string): Promise<JobStatus> => {
  for (;;) {
    const res = await t.http.get(`/api/v1/datasets/generate/${jobId}/status`).expect(200);
    if (res.body.status !== 'pending' && res.body.status !== 'running') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Generates a dataset with the offline model and waits for it; returns the dataset id and job status. */
export const generateDataset = async (t: TestApp, body: Record<string, unknown>): Promise<{ datasetId: string; job: JobStatus }> => {
  const res = await t.http
    .post('/api/v1/datasets/generate')
    .send({ classification_model: 'extractive', ...body })
    .expect(200);
  const job = await waitForJob(t, res.body.job_id);
  if (job.status !== 'completed') throw new Error(`generation ${job.status}: ${job.error}`);
  return { datasetId: String(job.result!.dataset_id), job };
};
