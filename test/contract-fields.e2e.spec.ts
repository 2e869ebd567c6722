import { shareOfJob } from '@compileo/domain';
import { projectWithDocuments, waitForJob, type JobStatus } from './support/api-flow';
import { createTaxonomy, listEntries } from './support/e2e-http';
import { startRecordingModel, type RecordingModel } from './support/recording-model';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 8 #9: every request field of the contract shows its effect end to end. The model is a recording
 * server speaking the Gemini API, so each test reads the prompts and call parameters the service really
 * sent. Each of these was broken on purpose once (inputs dropped in the worker, saved parameters not
 * merged, regeneration model/temperature/max_tokens dropped, concurrency forced to 1, analyze_quality
 * ignored) and a test here went red; README § Tests maps every field to its test.
 */
describe('contract fields reach the model (a recording Gemini server)', () => {
  let model: RecordingModel;
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    model = await startRecordingModel();
    t = await startTestApp('pglite', { GEMINI_API_KEY: 'k', GEMINI_BASE_URL: model.url, COMPILEO_JUDGE_MODEL: 'gemini-2.5-flash' });
    projectId = await projectWithDocuments(t, 'diabetes.md');
  });
  afterAll(async () => {
    await t?.close();
    await model?.close();
  });
  beforeEach(() => model.reset());

  const run = async (body: Record<string, unknown>, route = 'generate'): Promise<JobStatus> => {
    const res = await t.http
      .post(`/api/v1/datasets/${route}`)
      .send({ project_id: projectId, classification_model: 'gemini', quality_threshold: 0, ...body })
      .expect(200);
    return waitForJob(t, res.body.job_id);
  };
  const generate = async (body: Record<string, unknown>, route?: string): Promise<string> => {
    const job = await run(body, route);
    expect(job.status).toBe('completed');
    return String(job.result!.dataset_id);
  };
  const prompts = (): string[] => model.generationCalls().map((c) => c.prompt);
  const chunkCount = async (project = projectId): Promise<number> =>
    (await t.http.get(`/api/v1/chunks/project/${project}`).expect(200)).body.total as number;
  /** Every prompt the model saw (there is at least one) holds each of these texts or patterns. */
  const expectInEveryPrompt = (...lines: (string | RegExp)[]): void => {
    expect(prompts().length).toBeGreaterThan(0);
    for (const prompt of prompts()) for (const line of lines) expect(prompt).toMatch(line);
  };

  it('inline prompt fields fill every chunk prompt: purpose, audience, domain, complexity_level, styles, extraction_rules', async () => {
    await generate({
      purpose: 'board exam preparation',
      audience: 'medical students',
      domain: 'endocrinology',
      complexity_level: 'advanced',
      question_style: 'analytical',
      answer_style: 'step_by_step',
      extraction_rules: 'dosages only',
      datasets_per_chunk: 4,
    });
    expect(prompts()).toHaveLength(await chunkCount());
    expectInEveryPrompt(
      'Purpose: board exam preparation',
      'Audience: medical students',
      'Domain: endocrinology',
      'Complexity: advanced',
      'Question style: analytical',
      'Answer style: step_by_step',
      'Extraction rules (follow them when choosing what to write about and how): dosages only',
      'Write exactly 4 distinct', // datasets_per_chunk
    );
  });

  it('custom_purpose and custom_audience take the place of purpose and audience', async () => {
    await generate({ purpose: 'p', audience: 'a', custom_purpose: 'residency interviews', custom_audience: 'third-year residents' });
    expectInEveryPrompt('Purpose: residency interviews', 'Audience: third-year residents');
  });

  it('negativity_ratio: the prompts ask for the job-wide share of negatives, allocated over the chunks', async () => {
    await generate({ negativity_ratio: 0.2, datasets_per_chunk: 3 });
    const asked = prompts().map((p) => Number(/Make (\d+) of the 3 items questions that the text does NOT answer/.exec(p)?.[1] ?? 0));
    expect(asked.reduce((a, b) => a + b, 0)).toBe(shareOfJob(0.2, 3, await chunkCount()));
  });

  it('POST /parameters: the saved fields fill the prompt, and inline fields override them', async () => {
    const project = await projectWithDocuments(t, 'notes.txt');
    await t.http
      .post('/api/v1/datasets/parameters')
      .send({
        project_id: project,
        purpose: 'saved purpose',
        audience: 'saved audience',
        dataset_format: 'jsonl',
        domain: 'saved domain',
        question_style: 'case_based',
        answer_style: 'concise',
        complexity_level: 'expert',
        extraction_rules: 'saved rules',
        negativity_ratio: 1,
      })
      .expect(200);
    await generate({ project_id: project, audience: 'inline audience' });
    expect(prompts()).toHaveLength(await chunkCount(project));
    expectInEveryPrompt(
      'Purpose: saved purpose',
      'Audience: inline audience',
      'Domain: saved domain',
      'Question style: case_based',
      'Answer style: concise',
      'Complexity: expert',
      'saved rules',
      'Make 3 of the 3 items questions that the text does NOT answer',
    );
  });

  it('prompt_name, custom_prompt and generation_mode choose the template', async () => {
    await generate({ prompt_name: 'evaluation_qa' });
    expectInEveryPrompt(/^You write evaluation questions/);
    model.reset();
    await generate({ custom_prompt: 'CUSTOM for {audience}: {chunk}', audience: 'nurses' });
    expectInEveryPrompt(/^CUSTOM for nurses: /);
    model.reset();
    await run({ generation_mode: 'question' });
    expectInEveryPrompt('Do not answer them.');
  });

  it('taxonomy_name: the flattened categories are the allowed categories of the prompt', async () => {
    await createTaxonomy(t, projectId, 'med', ['Diagnosis', 'Treatment']);
    await generate({ taxonomy_name: 'med' });
    expectInEveryPrompt(/Allowed categories: .*Diagnosis.*Treatment/);
  });

  it('classification_model names the model called', async () => {
    await generate({ classification_model: 'gemini-2.0-flash' });
    const models = new Set(model.generationCalls().map((c) => c.model));
    expect(models).toEqual(new Set(['gemini-2.0-flash']));
  });

  it('concurrency: the server sees that many calls at once, and never more', async () => {
    expect(await chunkCount()).toBeGreaterThanOrEqual(3);
    model.holdUntil(3);
    await generate({ concurrency: 3 });
    expect(model.maxInFlight()).toBe(3);
    model.reset();
    await generate({ concurrency: 1 });
    expect(model.maxInFlight()).toBe(1);
  });

  it('analyze_quality: on, entries are scored and the judge is asked; off, neither', async () => {
    const on = await generate({ analyze_quality: true });
    expect(model.calls().filter((c) => c.judge).length).toBeGreaterThan(0);
    for (const e of (await listEntries(t, on)).entries) expect(e.quality_score).toEqual(expect.any(Number));
    model.reset();
    const off = await generate({ analyze_quality: false });
    expect(model.calls().filter((c) => c.judge)).toEqual([]);
    for (const e of (await listEntries(t, off)).entries) expect(e.quality_score).toBeNull();
  });

  describe('POST /{id}/regenerate: regeneration_config', () => {
    let datasetId: string;
    beforeAll(async () => {
      datasetId = await generate({ datasets_per_chunk: 2, analyze_quality: true });
    });
    const regenerate = async (entryIds: string[], config: Record<string, unknown>): Promise<JobStatus> => {
      model.reset();
      const res = await t.http
        .post(`/api/v1/datasets/${datasetId}/regenerate`)
        .send({ entry_ids: entryIds, regeneration_config: config })
        .expect(200);
      return waitForJob(t, res.body.job_id);
    };

    it('model, temperature and max_tokens are the call parameters of every regeneration call', async () => {
      const job = await regenerate(['entry_1', 'entry_2'], { model: 'gemini-2.0-flash', temperature: 0.35, max_tokens: 321 });
      expect(job.status).toBe('completed');
      const calls = model.generationCalls();
      expect(calls).toHaveLength(2);
      for (const call of calls) expect(call).toMatchObject({ model: 'gemini-2.0-flash', temperature: 0.35, maxOutputTokens: 321 });
    });

    it('improve_quality draws several candidates an entry; without it, one', async () => {
      await regenerate(['entry_3'], { improve_quality: true });
      expect(model.generationCalls().length).toBe(3);
      await regenerate(['entry_4'], { improve_quality: false });
      expect(model.generationCalls().length).toBe(1);
    });
  });
});
