import type { Tables } from './tables';

/**
 * Migration 102: what finding things again needs. Documents record their content hash; jobs their project
 * and (generation jobs) their model, backfilled from the datasets for rows an earlier build projected, so
 * that a rebuild from the log gives the same rows. Every list is served newest first from an index.
 */
export const findAgainDdl = (t: Tables): string => `
ALTER TABLE ${t.documents} ADD COLUMN IF NOT EXISTS content_sha256 text;
ALTER TABLE ${t.jobs} ADD COLUMN IF NOT EXISTS project_id text;
ALTER TABLE ${t.jobs} ADD COLUMN IF NOT EXISTS model text;
UPDATE ${t.jobs} j SET project_id = d.project_id, model = CASE WHEN j.kind = 'generation' THEN d.model END
  FROM ${t.datasets} d WHERE d.id = j.dataset_id AND j.project_id IS NULL;
CREATE INDEX IF NOT EXISTS ${t.documents}_project_newest ON ${t.documents} (project_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS ${t.datasets}_project_newest ON ${t.datasets} (project_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS ${t.jobs}_project_newest ON ${t.jobs} (project_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS ${t.jobs}_project_status_newest ON ${t.jobs} (project_id, status, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS ${t.jobs}_model_finished ON ${t.jobs} (model, finished_at DESC) WHERE kind = 'generation' AND status = 'completed';
`;
