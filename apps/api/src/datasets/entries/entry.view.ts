import type { EntryRow } from '@compileo/read-models';

/** An entry as the contract shows it, plus its split, version and (for rejected ones) the reason. */
export const entryView = (e: EntryRow) => ({
  id: e.entry_id,
  question: e.question,
  answer: e.answer,
  category: e.category,
  quality_score: e.quality_score,
  difficulty: e.difficulty,
  source_chunk: e.source_chunk,
  split: e.split,
  version: e.version,
  ...(e.extra ?? {}),
  metadata: { ...e.metadata, ...(e.quality_components ? { quality_components: e.quality_components } : {}), updated_at: e.updated_at },
  ...(e.status === 'rejected' ? { status: e.status, rejection: e.rejection } : {}),
});
