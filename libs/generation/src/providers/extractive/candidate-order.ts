import { estimateDifficulty } from '../../text/difficulty';
import { seededUnit } from '../../text/seeded-hash';
import type { Candidate } from './candidate-sentences';
import { difficultyDistance, type ExtractiveSettings } from './prompt-fields';

/**
 * The order in which a call tries the chunk's sentences. It starts from the variant's rotation (so
 * regenerations pick other sentences first), then:
 *  - with a complexity_level, sentences nearest the target difficulty come first (stable within a level);
 *  - with a temperature t > 0, each sentence's place moves by up to t × (number of sentences) positions,
 *    drawn from a seed of the chunk id and the variant: the same request gives the same order, another
 *    variant or temperature another one; t = 0 keeps the order as it is.
 */
export const orderCandidates = (rotated: readonly Candidate[], settings: ExtractiveSettings, seed: string): readonly Candidate[] => {
  const keyed = rotated.map((c, rank) => {
    const level = settings.targetDifficulty ? difficultyDistance(estimateDifficulty(c.text), settings.targetDifficulty) : 0;
    const jitter = settings.temperature > 0 ? settings.temperature * rotated.length * seededUnit(seed, String(c.position)) : 0;
    return { c, level, key: rank + jitter };
  });
  return keyed.sort((a, b) => a.level - b.level || a.key - b.key).map((k) => k.c);
};
