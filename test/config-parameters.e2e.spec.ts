import { generateDataset, projectWithDocuments } from './support/api-flow';
import { expectFieldErrors, expectNotFound, getDataset, ISO_TIME, UUID } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

const CONTRACT_EXAMPLE = {
  purpose: 'medical_qa_training',
  audience: 'medical_students',
  extraction_rules: 'clinical_guidelines',
  dataset_format: 'jsonl',
  question_style: 'factual',
  answer_style: 'comprehensive',
  negativity_ratio: 0.1,
  data_augmentation: 'synonym_replacement',
  custom_audience: '3rd_year_medical_students',
  custom_purpose: 'board_exam_preparation',
  complexity_level: 'intermediate',
  domain: 'medicine',
};

describe.each(testBackends())('config and parameters API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  describe('GET /config/high-level-prompts', () => {
    it('returns the documented option lists', async () => {
      const res = await t.http.get('/api/v1/datasets/config/high-level-prompts').expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['audience_defaults', 'complexity_options', 'domain_defaults', 'purpose_defaults']);
      expect(res.body.complexity_options).toEqual(['beginner', 'intermediate', 'advanced', 'expert']);
      expect(res.body.audience_defaults).toEqual(expect.arrayContaining(['healthcare professionals', 'students']));
      expect(res.body.purpose_defaults).toEqual(expect.arrayContaining(['patient education', 'research']));
      expect(res.body.domain_defaults).toEqual(expect.arrayContaining(['general']));
    });
  });

  describe('GET /config/default-prompts', () => {
    it('returns a template per generation mode, each taking the chunk text', async () => {
      const res = await t.http.get('/api/v1/datasets/config/default-prompts').expect(200);
      expect(Object.keys(res.body)).toEqual(['prompts']);
      const prompts = res.body.prompts as Record<string, string>;
      expect(Object.keys(prompts)).toEqual(expect.arrayContaining(['instruction following', 'question and answer', 'summarization']));
      for (const template of Object.values(prompts)) expect(template).toContain('{chunk}');
    });
  });

  describe('POST /parameters and GET /parameters/:project_id', () => {
    it('{parameters: null} before any save', async () => {
      const projectId = await projectWithDocuments(t);
      expect((await t.http.get(`/api/v1/datasets/parameters/${projectId}`).expect(200)).body).toEqual({ parameters: null });
    });

    it('saves the contract example and returns the latest save', async () => {
      const projectId = await projectWithDocuments(t);
      const saved = await t.http
        .post('/api/v1/datasets/parameters')
        .send({ project_id: projectId, ...CONTRACT_EXAMPLE })
        .expect(200);
      expect(saved.body).toEqual({
        message: 'Dataset parameters saved successfully',
        parameter_id: expect.stringMatching(UUID),
        project_id: projectId,
      });
      expect((await t.http.get(`/api/v1/datasets/parameters/${projectId}`).expect(200)).body).toEqual({
        parameters: {
          id: saved.body.parameter_id,
          project_id: projectId,
          ...CONTRACT_EXAMPLE,
          created_at: expect.stringMatching(ISO_TIME),
        },
      });

      const again = await t.http
        .post('/api/v1/datasets/parameters')
        .send({ project_id: projectId, purpose: 'fine-tuning', audience: 'researchers', dataset_format: 'parquet' })
        .expect(200);
      expect(again.body.parameter_id).not.toBe(saved.body.parameter_id);
      expect((await t.http.get(`/api/v1/datasets/parameters/${projectId}`).expect(200)).body.parameters).toEqual({
        id: again.body.parameter_id,
        project_id: projectId,
        purpose: 'fine-tuning',
        audience: 'researchers',
        dataset_format: 'parquet',
        extraction_rules: 'default',
        question_style: 'factual',
        answer_style: 'comprehensive',
        negativity_ratio: 0.1,
        data_augmentation: 'none',
        complexity_level: 'intermediate',
        domain: 'general',
        created_at: expect.stringMatching(ISO_TIME),
      });
    });

    it('the saved dataset_format becomes the default format_type of a later generation', async () => {
      const projectId = await projectWithDocuments(t, 'notes.txt');
      await t.http
        .post('/api/v1/datasets/parameters')
        .send({ project_id: projectId, purpose: 'training', audience: 'students', dataset_format: 'parquet' })
        .expect(200);
      const byDefault = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 1 });
      expect((await getDataset(t, byDefault.datasetId)).format_type).toBe('parquet');
      const explicit = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 1, format_type: 'jsonl' });
      expect((await getDataset(t, explicit.datasetId)).format_type).toBe('jsonl');
    });

    it('400 names every bad field', async () => {
      const projectId = await projectWithDocuments(t);
      expectFieldErrors(await t.http.post('/api/v1/datasets/parameters').send({ project_id: projectId }), [
        'purpose',
        'audience',
        'dataset_format',
      ]);
      expectFieldErrors(
        await t.http.post('/api/v1/datasets/parameters').send({
          ...CONTRACT_EXAMPLE,
          project_id: projectId,
          dataset_format: 'csv',
          question_style: 'poetic',
          negativity_ratio: 2,
          data_augmentation: 'back_translation',
          tone: 'friendly',
        }),
        ['dataset_format', 'question_style', 'negativity_ratio', 'data_augmentation', 'tone'],
      );
      expectFieldErrors(await t.http.post('/api/v1/datasets/parameters').send({ ...CONTRACT_EXAMPLE }), ['project_id']);
      expect((await t.http.get(`/api/v1/datasets/parameters/${projectId}`).expect(200)).body).toEqual({ parameters: null });
    });

    it('404 for an unknown project, on save and on read', async () => {
      expectNotFound(await t.http.post('/api/v1/datasets/parameters').send({ project_id: 1, ...CONTRACT_EXAMPLE }), 'project', '1');
      expectNotFound(
        await t.http.get('/api/v1/datasets/parameters/b357e573-89a5-4b40-8e1b-4c075a1835a6'),
        'project',
        'b357e573-89a5-4b40-8e1b-4c075a1835a6',
      );
    });
  });
});
