import {
  DIFFICULTIES,
  type DatasetChunkProcessed,
  type DatasetEntryEdited,
  type DatasetEntryRegenerated,
  type DatasetFeedbackAdded,
  type DatasetSplitAssigned,
  type EntryContent,
  type EntryRecord,
  type RejectedRecord,
} from '@compileo/domain';
import type { SqlExecutor } from '@compileo/sql';
import type { Tables } from '../tables';
import { dataOf, type ProjectionHandler } from './projection';

/** Instruction-mode fields, kept apart from question/answer; null for the other modes. */
const extraOf = (c: EntryContent): Record<string, string | undefined> | null =>
  c.instruction === undefined && c.input === undefined && c.output === undefined
    ? null
    : { instruction: c.instruction, input: c.input, output: c.output };

/** Split assignments written per statement. */
const SPLIT_PAGE = 500;

/** An entry's read-model columns (besides version, split and timestamps), from its record. */
export const entryColumns = (e: EntryRecord | RejectedRecord, status: 'accepted' | 'rejected') => ({
  entry_number: Number(e.entryId.slice('entry_'.length)),
  entry_id: e.entryId,
  status,
  question: e.question,
  answer: e.answer,
  category: e.category,
  quality_score: e.qualityScore,
  quality_components: e.qualityComponents,
  difficulty: e.difficulty,
  difficulty_rank: DIFFICULTIES.indexOf(e.difficulty),
  source_chunk: e.sourceChunk,
  extra: extraOf(e),
  metadata: e.metadata,
  rejection: 'rejection' in e ? e.rejection : null,
});

/** An entry's content and version as an edit or a regeneration recorded them. */
const setContent = (
  tx: SqlExecutor,
  t: Tables,
  datasetId: string,
  entryId: string,
  c: EntryContent,
  version: number,
  at: string,
): Promise<unknown> =>
  tx.query(
    `UPDATE ${t.entries} SET question = $3, answer = $4, category = $5, quality_score = $6, quality_components = $7, difficulty = $8,
       difficulty_rank = $9, extra = $10, metadata = $11, version = $12, updated_at = $13 WHERE dataset_id = $1 AND entry_id = $2`,
    [
      datasetId,
      entryId,
      c.question,
      c.answer,
      c.category,
      c.qualityScore,
      c.qualityComponents === null ? null : JSON.stringify(c.qualityComponents),
      c.difficulty,
      DIFFICULTIES.indexOf(c.difficulty),
      extraOf(c) === null ? null : JSON.stringify(extraOf(c)),
      JSON.stringify(c.metadata),
      version,
      at,
    ],
  );

export const entriesProjection: ProjectionHandler = async (event, tx, t) => {
  const datasetId = event.streamId.slice('dataset-'.length);
  switch (event.type) {
    case 'DatasetChunkProcessed': {
      const d = dataOf<DatasetChunkProcessed['data']>(event);
      const rows = [...d.accepted.map((e) => entryColumns(e, 'accepted')), ...d.rejected.map((e) => entryColumns(e, 'rejected'))];
      if (rows.length === 0) return;
      await tx.query(
        `INSERT INTO ${t.entries} (dataset_id, entry_number, entry_id, status, question, answer, category, quality_score, quality_components,
           difficulty, difficulty_rank, source_chunk, version, extra, metadata, rejection, created_at, updated_at)
         SELECT $2, r.entry_number, r.entry_id, r.status, r.question, r.answer, r.category, r.quality_score, r.quality_components,
           r.difficulty, r.difficulty_rank, r.source_chunk, 1, r.extra, r.metadata, r.rejection, $3, $3
         FROM jsonb_to_recordset($1::jsonb) AS r(entry_number int, entry_id text, status text, question text, answer text, category text,
           quality_score double precision, quality_components jsonb, difficulty text, difficulty_rank int, source_chunk text, extra jsonb,
           metadata jsonb, rejection jsonb)
         ON CONFLICT (dataset_id, entry_number) DO NOTHING`,
        [JSON.stringify(rows), datasetId, d.processedAt],
      );
      return;
    }
    case 'DatasetSplitAssigned': {
      const d = dataOf<DatasetSplitAssigned['data']>(event);
      // In pages: embedded PGlite runs each statement on the main thread, so one statement per page of
      // entries lets the event loop serve requests between them.
      const assignments = Object.entries(d.assignments);
      for (let from = 0; from < assignments.length; from += SPLIT_PAGE) {
        await tx.query(
          `UPDATE ${t.entries} e SET split = s.value FROM jsonb_each_text($2::jsonb) AS s WHERE e.dataset_id = $1 AND e.entry_id = s.key`,
          [datasetId, JSON.stringify(Object.fromEntries(assignments.slice(from, from + SPLIT_PAGE)))],
        );
      }
      return;
    }
    case 'DatasetEntryEdited': {
      const d = dataOf<DatasetEntryEdited['data']>(event);
      await setContent(tx, t, datasetId, d.entryId, d.content, d.version, d.editedAt);
      if (d.feedback) {
        await tx.query(
          `INSERT INTO ${t.feedback} (id, dataset_id, entry_id, feedback_type, comments, rating, actor, created_at)
           VALUES ($1, $2, $3, 'edit', $4, NULL, $5, $6) ON CONFLICT DO NOTHING`,
          [event.id, datasetId, d.entryId, d.feedback, d.actor, d.editedAt],
        );
      }
      return;
    }
    case 'DatasetFeedbackAdded': {
      const d = dataOf<DatasetFeedbackAdded['data']>(event);
      for (const entryId of d.entryIds) {
        await tx.query(
          `INSERT INTO ${t.feedback} (id, dataset_id, entry_id, feedback_type, comments, rating, actor, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [d.feedbackId, datasetId, entryId, d.feedbackType, d.comments, d.rating, d.actor, d.createdAt],
        );
      }
      return;
    }
    case 'DatasetEntryRegenerated': {
      const d = dataOf<DatasetEntryRegenerated['data']>(event);
      await setContent(tx, t, datasetId, d.entryId, d.content, d.version, d.regeneratedAt);
      return;
    }
  }
};
