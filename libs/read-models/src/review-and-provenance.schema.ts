import type { Tables } from './tables';

/**
 * Step 103 (issue 8): judge failures counted on a job; feedback read per dataset and entry (the
 * `GET /{id}/feedback` listing and the rating aggregates on each entry); what parsed and chunked a document.
 */
export const reviewAndProvenanceDdl = (t: Tables): string => `
ALTER TABLE ${t.jobs} ADD COLUMN IF NOT EXISTS judge_failures integer NOT NULL DEFAULT 0;
ALTER TABLE ${t.documents} ADD COLUMN IF NOT EXISTS parsed_by text;
ALTER TABLE ${t.documents} ADD COLUMN IF NOT EXISTS chunked_by text;
CREATE INDEX IF NOT EXISTS ${t.feedback}_entry ON ${t.feedback} (dataset_id, entry_id, created_at);
`;
