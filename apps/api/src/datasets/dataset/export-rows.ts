import type { ExportRow } from '@compileo/export';
import type { EntryRow } from '@compileo/read-models';

/** A stored entry as it is exported; instruction-mode fields travel in metadata. */
export async function* exportRows(entries: AsyncIterable<EntryRow>): AsyncGenerator<ExportRow> {
  for await (const e of entries) {
    yield {
      id: e.entry_id,
      question: e.question,
      answer: e.answer,
      category: e.category,
      quality_score: e.quality_score,
      difficulty: e.difficulty,
      source_chunk: e.source_chunk,
      split: e.split,
      version: e.version,
      metadata: { ...e.metadata, ...(e.extra ?? {}) },
    };
  }
}
