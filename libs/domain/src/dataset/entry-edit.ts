import type { EntryChanges } from './dataset.events';
import type { EntryContent } from './dataset.types';

/**
 * An entry's content after an edit. An instruction-mode entry shows its instruction as the question and
 * its output as the answer, so an edit of either reaches both.
 */
export const applyEdit = (content: EntryContent, changes: EntryChanges): EntryContent => ({
  ...content,
  ...changes,
  ...(content.instruction === undefined
    ? {}
    : {
        ...(changes.question !== undefined ? { instruction: changes.question } : {}),
        ...(changes.answer !== undefined ? { output: changes.answer } : {}),
      }),
});

/** Whether an edit changes the entry (feedback alone does not make a new version). */
export const changesAnything = (changes: EntryChanges): boolean => Object.keys(changes).length > 0;

/**
 * Metadata that ties the model's text to its place in the chunk (the sentences it was drawn from and their
 * offsets). A person's edit replaces that text, so these no longer describe it and are dropped.
 */
export const PROVENANCE_KEYS = ['source_sentences', 'sentence_indexes', 'char_offsets'] as const;

/** The score of an edited entry, computed from its new content before the edit is recorded. */
export interface EditScore {
  readonly qualityScore: number;
  readonly qualityComponents: Readonly<Record<string, number>>;
}

export interface EditOutcome {
  readonly changes: EntryChanges;
  /** Null when the dataset was generated without quality analysis: the entry then has no score to renew. */
  readonly score: EditScore | null;
  readonly actor: string;
  readonly at: string;
}

/**
 * What an edit that changes something records as the entry's content: the changes applied, the score of the
 * new text (never the model's old one), the provenance of replaced question or answer text dropped, and who edited it when
 * (`edited_by`, `edited_at`; `edited_fields` lists what changed, `model_quality_score` what the model's
 * version scored, kept across later edits).
 */
export const editedContent = (content: EntryContent, edit: EditOutcome): EntryContent => {
  const edited = applyEdit(content, edit.changes);
  const textChanged = edit.changes.question !== undefined || edit.changes.answer !== undefined;
  const metadata = Object.fromEntries(
    Object.entries(content.metadata).filter(([key]) => !textChanged || !(PROVENANCE_KEYS as readonly string[]).includes(key)),
  );
  return {
    ...edited,
    qualityScore: edit.score ? edit.score.qualityScore : null,
    qualityComponents: edit.score ? edit.score.qualityComponents : null,
    metadata: {
      ...metadata,
      edited_by: edit.actor,
      edited_at: edit.at,
      edited_fields: Object.keys(edit.changes),
      model_quality_score: content.metadata.model_quality_score ?? content.qualityScore,
    },
  };
};
