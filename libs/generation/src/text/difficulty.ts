import { DIFFICULTIES, type Difficulty } from '@compileo/domain';
import { tokenize } from './keywords';

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * Readability-style difficulty: 40% mean word length (4→7 letters), 30% share of long words (≥ 9 letters,
 * 0→30%), 30% sentence length (8→40 words per sentence). The 0..1 result is cut into four equal-ish bands.
 */
export const difficultyScore = (text: string): number => {
  const words = tokenize(text);
  if (words.length === 0) return 0;
  const sentences = Math.max(1, (text.match(/[.!?](\s|$)/g) ?? []).length);
  const meanLength = words.reduce((s, w) => s + w.length, 0) / words.length;
  const longShare = words.filter((w) => w.length >= 9).length / words.length;
  const perSentence = words.length / sentences;
  return 0.4 * clamp01((meanLength - 4) / 3) + 0.3 * clamp01(longShare / 0.3) + 0.3 * clamp01((perSentence - 8) / 32);
};

export const estimateDifficulty = (text: string): Difficulty => {
  const score = difficultyScore(text);
  return score < 0.3 ? 'beginner' : score < 0.55 ? 'intermediate' : score < 0.75 ? 'advanced' : DIFFICULTIES[3];
};
