import type { Tables } from './tables';

/**
 * Step 102 (issue 8): judge failures counted on a job, and feedback read per dataset and entry (the
 * `GET /{id}/feedback` listing and the rating aggregates on each entry).
 */
export const judgeAndFeedbackDdl = (t: Tables): string => `
ALTER TABLE ${t.jobs} ADD COLUMN IF NOT EXISTS judge_failures integer NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS ${t.feedback}_entry ON ${t.feedback} (dataset_id, entry_id, created_at);
`;
