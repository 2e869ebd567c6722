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
