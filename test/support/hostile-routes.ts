/** Ids of things that exist, so that generated requests reach past the 404s into validation and writes. */
export interface KnownIds {
  readonly project: string;
  readonly document: string;
  readonly taxonomy: string;
  readonly dataset: string;
  readonly job: string;
  readonly entry: string;
}

export interface RouteSpec {
  readonly method: 'get' | 'post' | 'put';
  /** Express-style path, `:name` for each parameter. */
  readonly path: string;
  /** Which known id fills each parameter. */
  readonly params?: Readonly<Record<string, keyof KnownIds>>;
  /** Query parameters the route reads (others are generated too). */
  readonly query?: readonly string[];
  /** A valid JSON body, which the generators mutate; absent for routes that read none. */
  readonly body?: (ids: KnownIds) => Record<string, unknown>;
}

/** Every route of docs/api.md but the multipart upload, which has its own generator. */
export const ROUTES: readonly RouteSpec[] = [
  { method: 'get', path: '/health' },
  { method: 'post', path: '/api/v1/projects', body: () => ({ name: 'p', description: 'd' }) },
  { method: 'get', path: '/api/v1/projects' },
  { method: 'get', path: '/api/v1/projects/:id', params: { id: 'project' } },
  {
    method: 'post',
    path: '/api/v1/documents',
    body: (ids) => ({ project_id: ids.project, file_name: 'a.md', content: '# A\n\nSome text here.', chunk_size: 500, chunk_overlap: 0 }),
  },
  { method: 'get', path: '/api/v1/documents', query: ['project_id', 'page', 'per_page'] },
  { method: 'get', path: '/api/v1/documents/:id', params: { id: 'document' } },
  { method: 'get', path: '/api/v1/chunks/project/:project_id', params: { project_id: 'project' }, query: ['page', 'per_page'] },
  { method: 'get', path: '/api/v1/chunks/document/:document_id', params: { document_id: 'document' }, query: ['page', 'per_page'] },
  {
    method: 'post',
    path: '/api/v1/taxonomy',
    body: (ids) => ({ project_id: ids.project, name: 'T', description: null, taxonomy: { name: 'root', children: [{ name: 'leaf' }] } }),
  },
  { method: 'get', path: '/api/v1/taxonomy', query: ['project_id'] },
  { method: 'get', path: '/api/v1/taxonomy/:id', params: { id: 'taxonomy' } },
  { method: 'get', path: '/api/v1/datasets/config/high-level-prompts' },
  { method: 'get', path: '/api/v1/datasets/config/default-prompts' },
  {
    method: 'post',
    path: '/api/v1/datasets/parameters',
    body: (ids) => ({ project_id: ids.project, purpose: 'p', audience: 'a', dataset_format: 'jsonl', negativity_ratio: 0.1 }),
  },
  { method: 'get', path: '/api/v1/datasets/parameters/:project_id', params: { project_id: 'project' } },
  {
    method: 'post',
    path: '/api/v1/datasets/generate',
    body: (ids) => ({ project_id: ids.project, classification_model: 'extractive', datasets_per_chunk: 1, quality_threshold: 0 }),
  },
  {
    method: 'post',
    path: '/api/v1/datasets/generate-evaluation',
    body: (ids) => ({ project_id: ids.project, classification_model: 'extractive', datasets_per_chunk: 1 }),
  },
  { method: 'get', path: '/api/v1/datasets/generate/:job_id/status', params: { job_id: 'job' } },
  { method: 'get', path: '/api/v1/jobs', query: ['project_id', 'status', 'page', 'per_page'] },
  { method: 'get', path: '/api/v1/datasets', query: ['project_id', 'page', 'per_page'] },
  { method: 'post', path: '/api/v1/datasets/generate/:job_id/cancel', params: { job_id: 'job' } },
  { method: 'get', path: '/api/v1/datasets/:dataset_id', params: { dataset_id: 'dataset' } },
  {
    method: 'get',
    path: '/api/v1/datasets/:dataset_id/entries',
    params: { dataset_id: 'dataset' },
    query: ['page', 'per_page', 'filter_quality', 'sort_by', 'status'],
  },
  {
    method: 'put',
    path: '/api/v1/datasets/:dataset_id/entries/:entry_id',
    params: { dataset_id: 'dataset', entry_id: 'entry' },
    body: () => ({ answer: 'An edited answer.', expected_version: 1 }),
  },
  {
    method: 'post',
    path: '/api/v1/datasets/:dataset_id/feedback',
    params: { dataset_id: 'dataset' },
    body: (ids) => ({ entry_ids: [ids.entry], feedback_type: 'quality_issue', comments: 'c', rating: 3 }),
  },
  {
    method: 'get',
    path: '/api/v1/datasets/:dataset_id/feedback',
    params: { dataset_id: 'dataset' },
    query: ['page', 'per_page', 'entry_id'],
  },
  {
    method: 'post',
    path: '/api/v1/datasets/:dataset_id/regenerate',
    params: { dataset_id: 'dataset' },
    body: (ids) => ({ entry_ids: [ids.entry], regeneration_config: { model: 'extractive', temperature: 0.5, max_tokens: 100 } }),
  },
  { method: 'get', path: '/api/v1/datasets/:dataset_id/download', params: { dataset_id: 'dataset' }, query: ['format'] },
];

/** The routes with an id in their path: each must answer a `%00` there with a 400 naming the parameter. */
export const ID_ROUTES = ROUTES.filter((r) => r.params !== undefined);
