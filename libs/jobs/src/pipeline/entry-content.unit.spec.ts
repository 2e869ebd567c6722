import type { GeneratedItem } from '@compileo/domain';
import { generationConfig } from '@compileo/testing';
import { toEntryContent, type ContentContext } from './entry-content';
import { scoreEditedContent } from './edit-score';

const CHUNK_TEXT = 'Insulin is a hormone made by the pancreas. It lets cells absorb glucose from the blood.';
const chunk = { id: 'c', text: CHUNK_TEXT, heading: 'Insulin', documentName: 'd.md' };
const ITEM: GeneratedItem = {
  question: 'What does insulin let cells do?',
  answer: 'It lets cells absorb glucose from the blood.',
  category: 'Physiology',
};

const context = (overrides: Partial<ContentContext> = {}): ContentContext => ({
  chunk,
  config: generationConfig(),
  categories: null,
  model: 'm',
  promptName: 'default',
  now: 'now',
  duplicate: false,
  tokens: null,
  ...overrides,
});

describe('toEntryContent', () => {
  it("keeps a taxonomy category the item names, and files anything else under 'Other'", () => {
    const categories = ['Physiology', 'Treatment'];
    expect(toEntryContent(ITEM, context({ categories })).category).toBe('Physiology');
    expect(toEntryContent({ ...ITEM, category: 'Astronomy' }, context({ categories })).category).toBe('Other');
    expect(toEntryContent({ ...ITEM, category: null }, context({ categories })).category).toBe('Other');
  });

  it("without a taxonomy takes the item's category, else the chunk's heading, else General", () => {
    expect(toEntryContent(ITEM, context()).category).toBe('Physiology');
    expect(toEntryContent({ ...ITEM, category: null }, context()).category).toBe('Insulin');
    expect(toEntryContent({ ...ITEM, category: null }, context({ chunk: { ...chunk, heading: null } })).category).toBe('General');
  });

  it("takes the item's difficulty, else the one the complexity level asks for", () => {
    expect(toEntryContent({ ...ITEM, difficulty: 'expert' }, context()).difficulty).toBe('expert');
    const advanced = context({ config: generationConfig({ parameters: { complexity_level: 'advanced' } }) });
    expect(toEntryContent(ITEM, advanced).difficulty).toBe('advanced');
    expect(toEntryContent(ITEM, context()).difficulty).toBe('intermediate');
  });

  it('carries instruction, input and output only when the item has them', () => {
    const plain = toEntryContent(ITEM, context());
    expect(plain).not.toHaveProperty('instruction');
    expect(plain).not.toHaveProperty('input');
    expect(plain).not.toHaveProperty('output');
    const instruction = toEntryContent({ ...ITEM, instruction: 'Explain insulin.', input: '', output: 'It is a hormone.' }, context());
    expect(instruction).toMatchObject({ instruction: 'Explain insulin.', input: '', output: 'It is a hormone.' });
  });

  it("scores at the complexity level's difficulty, and a judge verdict is averaged in", () => {
    const on = generationConfig({ analyze_quality: true, parameters: { complexity_level: 'expert' } });
    const heuristic = toEntryContent({ ...ITEM, difficulty: 'beginner' }, context({ config: on }));
    expect(heuristic.qualityComponents?.difficulty_fit).toBe(0);
    const judged = toEntryContent(
      { ...ITEM, difficulty: 'beginner' },
      context({ config: on, judged: { score: 1, scores: { clarity: 1 }, usage: null } }),
    );
    expect(judged.qualityScore).toBeCloseTo(((heuristic.qualityScore as number) + 1) / 2, 3);
    expect(judged.qualityComponents).toMatchObject({ judge: 1, judge_clarity: 1, difficulty_fit: 0 });
  });

  it('ignores the judge when quality analysis is off (no score to blend into, no failure to report)', () => {
    const verdict = toEntryContent(ITEM, context({ judged: { score: 1, scores: {}, usage: null } }));
    expect(verdict).toMatchObject({ qualityScore: null, qualityComponents: null });
    const failed = toEntryContent(ITEM, context({ judged: { error: 'judge: down' } }));
    expect(failed.metadata).not.toHaveProperty('judge_error');
  });

  it('puts the usage share and the item metadata in the entry metadata', () => {
    const content = toEntryContent({ ...ITEM, metadata: { negative: true } }, context({ tokens: { input_tokens: 3, output_tokens: 4 } }));
    expect(content.metadata).toMatchObject({ negative: true, usage: { input_tokens: 3, output_tokens: 4 }, model: 'm' });
  });
});

describe('scoreEditedContent', () => {
  const content = {
    question: 'What does insulin let cells do?',
    answer: 'It lets cells absorb glucose from the blood.',
    category: 'Physiology',
    difficulty: 'intermediate' as const,
    qualityScore: 0.2,
    qualityComponents: { judge: 0.1 },
    metadata: {},
  };

  it('is null when the dataset was generated without quality analysis', () => {
    expect(scoreEditedContent(content, CHUNK_TEXT, generationConfig())).toBeNull();
  });

  it('scores the new text against the source chunk, without the judge', () => {
    const on = generationConfig({ analyze_quality: true });
    const good = scoreEditedContent(content, CHUNK_TEXT, on);
    expect(good?.qualityScore).toBeGreaterThanOrEqual(0.7);
    // Not a duplicate of itself: the edited entry keeps its uniqueness.
    expect(good?.qualityComponents.uniqueness).toBe(1);
    expect(good?.qualityComponents).not.toHaveProperty('judge');
    const bad = scoreEditedContent({ ...content, answer: 'A corrected answer.' }, CHUNK_TEXT, on);
    expect(bad?.qualityScore).toBeLessThan(0.7);
  });

  it('scores an instruction entry by its instruction and output', () => {
    const on = generationConfig({ analyze_quality: true });
    const instruction = {
      ...content,
      question: null,
      answer: null,
      instruction: 'Explain what insulin lets cells do.',
      input: '',
      output: 'It lets cells absorb glucose from the blood.',
    };
    const scored = scoreEditedContent(instruction, CHUNK_TEXT, on);
    expect(scored?.qualityComponents.grounding).toBe(1);
    // The instruction is what is judged as the question.
    expect(scored?.qualityComponents.question_form).toBe(1);
    const ungrounded = scoreEditedContent({ ...instruction, output: 'Quantum chromodynamics binds quarks together.' }, CHUNK_TEXT, on);
    expect(ungrounded?.qualityComponents.grounding).toBe(0);
  });
});
