import type { EditScore, EntryContent, GenerationConfig } from '@compileo/domain';
import { heuristicScore } from './entry-content';

/**
 * The score of an entry as a person edited it, from its new content and its source chunk, by the same
 * scorer the pipeline uses (null when the dataset was generated without quality analysis). The model judge
 * is not asked again: its ratings were of the replaced text, so they are left out with it.
 */
export const scoreEditedContent = (content: EntryContent, chunkText: string, config: GenerationConfig): EditScore | null => {
  const score = heuristicScore(
    {
      question: content.question,
      answer: content.answer,
      category: content.category,
      difficulty: content.difficulty,
      ...(content.instruction !== undefined ? { instruction: content.instruction } : {}),
      ...(content.input !== undefined ? { input: content.input } : {}),
      ...(content.output !== undefined ? { output: content.output } : {}),
      metadata: content.metadata,
    },
    chunkText,
    config,
    false,
  );
  return score && { qualityScore: score.score, qualityComponents: score.components };
};
