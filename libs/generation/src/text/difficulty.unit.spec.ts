import { estimateDifficulty } from './difficulty';

describe('estimateDifficulty', () => {
  it('maps plain short sentences low and dense technical prose high', () => {
    expect(estimateDifficulty('The cat sat on the mat.')).toBe('beginner');
    expect(
      estimateDifficulty(
        'Pharmacokinetic heterogeneity notwithstanding, glucocorticoid-induced hyperglycaemia necessitates individualised insulinotherapy titration, particularly among immunocompromised polymorbid hospitalised octogenarians receiving concomitant nephrotoxic chemotherapeutic regimens.',
      ),
    ).toBe('expert');
    expect(estimateDifficulty('')).toBe('beginner');
  });
});
