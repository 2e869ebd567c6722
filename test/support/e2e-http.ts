import type { Response, Test } from 'supertest';
import type { TestApp } from './test-app';

/** The one error shape of product.md §1: a transport-neutral `code` beside `statusCode`; `details` always a list. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly error: string;
  readonly message: string;
  readonly details: readonly FieldProblem[];
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
};

const CODES: Readonly<Record<number, string>> = {
  400: 'BAD_USER_INPUT',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
};

/** Asserts the status and the error body shape (no other keys, `details` a list of `{field, message}`), and returns the body. */
export const expectError = (res: Response, status: number): ErrorBody => {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: expect.objectContaining({ statusCode: status, code: CODES[status], error: REASONS[status] }),
  });
  const body = res.body as ErrorBody;
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  expect(Object.keys(body).every((k) => ['statusCode', 'code', 'error', 'message', 'details'].includes(k))).toBe(true);
  expect(Array.isArray(body.details)).toBe(true);
  for (const p of body.details) {
    expect(Object.keys(p).sort()).toEqual(['field', 'message']);
    expect(typeof p.field).toBe('string');
    expect(typeof p.message).toBe('string');
  }
  return body;
};

/** A 400 whose details name exactly `fields` (any order); returns the problems. */
export const expectFieldErrors = (res: Response, fields: readonly string[]): FieldProblem[] => {
  const body = expectError(res, 400);
  const problems = [...body.details];
  expect(problems.map((p) => p.field).sort()).toEqual([...fields].sort());
  for (const p of problems) expect(p.message.length).toBeGreaterThan(0);
  return problems;
};

/** A 404 that names the missing resource and id(s), one problem per id. */
export const expectNotFound = (res: Response, resource: string, id: string | readonly string[]): ErrorBody => {
  const body = expectError(res, 404);
  const ids: readonly string[] = Array.isArray(id) ? id : [id as string];
  expect(body.details.map((p) => p.message)).toEqual(ids.map((one) => `${resource} not found: ${one}`));
  expect(body.message).toBe(`${resource} not found: ${ids.join(', ')}`);
  return body;
};

/** Makes supertest hand back the raw body as a Buffer whatever its content type. */
export const asBuffer = (req: Test): Test =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Sends a raw (possibly malformed) JSON body. */
export const rawJson = (req: Test, body: string): Test => req.set('Content-Type', 'application/json').send(body);

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** An entry as `/entries` and `GET /{id}` show it. */
export interface EntryView {
  readonly id: string;
  readonly question: string | null;
  readonly answer: string | null;
  readonly category: string;
  readonly quality_score: number | null;
  readonly difficulty: string;
  readonly source_chunk: string;
  readonly split: string | null;
  readonly version: number;
  readonly metadata: Record<string, unknown>;
  readonly status?: string;
  readonly rejection?: Record<string, unknown>;
  readonly instruction?: string;
  readonly input?: string;
  readonly output?: string;
  readonly feedback: readonly { feedback_type: string; comments: string | null; rating: number | null; actor: string }[];
  readonly ratings: { feedback_count: number; rating_count: number; rating_mean: number | null };
}

export interface EntryPage {
  readonly entries: EntryView[];
  readonly total: number;
  readonly page: number;
  readonly per_page: number;
  readonly quality_summary: { readonly average_score: number; readonly distribution: Record<'high' | 'medium' | 'low', number> };
}

export interface DatasetView {
  readonly id: string;
  readonly name: string;
  readonly entries: EntryView[];
  readonly total_entries: number;
  readonly created_at: string;
  readonly format_type: string;
  readonly version: string;
  readonly rejected_count: number;
  readonly splits: Record<string, number> | null;
  readonly config: Record<string, unknown>;
  readonly quality_summary: {
    readonly average_score: number;
    readonly distribution: Record<'high' | 'medium' | 'low', number>;
    readonly categories: Record<string, number>;
  };
}

/** `entry_12` → 12. */
export const entryNumber = (id: string): number => Number(/^entry_(\d+)$/.exec(id)?.[1] ?? NaN);

/** One page of entries (defaults: every accepted entry in one page). */
export const listEntries = async (t: TestApp, datasetId: string, query: Record<string, string | number> = {}): Promise<EntryPage> =>
  (
    await t.http
      .get(`/api/v1/datasets/${datasetId}/entries`)
      .query({ per_page: 1000, ...query })
      .expect(200)
  ).body as EntryPage;

export const getDataset = async (t: TestApp, datasetId: string): Promise<DatasetView> =>
  (await t.http.get(`/api/v1/datasets/${datasetId}`).expect(200)).body as DatasetView;

/** A project with one taxonomy; returns its id. */
export const createTaxonomy = async (t: TestApp, projectId: string, name: string, children: readonly string[]): Promise<string> =>
  (
    await t.http
      .post('/api/v1/taxonomy')
      .send({ project_id: projectId, name, taxonomy: { name: 'root', children: children.map((c) => ({ name: c })) } })
      .expect(201)
  ).body.id;

/** The filename in a `Content-Disposition: attachment; filename="…"` header. */
export const attachmentName = (res: Response): string | undefined =>
  /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))?.[1];
