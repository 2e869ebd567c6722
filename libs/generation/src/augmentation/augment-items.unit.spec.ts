import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedItem, GenerationMode } from '@compileo/domain';
import { chunkDocument } from '../chunking/markdown-chunker';
import { questionFormScore, questionGrammarScore } from '../quality/question-checks';
import { dedupText, jaccard, NEAR_DUPLICATE_THRESHOLD, shingles } from '../dedup/near-duplicate';
import { extractItems } from '../providers/extractive.provider';
import { asAugmentation, augmentItems, paraphraseQuestion, replaceSynonyms } from './augment-items';
import { SYNONYMS } from './synonyms';

const TEXT = `## Diabetes

Diabetes is a chronic condition in which blood glucose levels stay too high. Insulin is a hormone made by the pancreas that lets cells absorb glucose.
Type 1 diabetes is an autoimmune disease that destroys insulin-producing beta cells. Patients with type 2 diabetes are often overweight and show insulin resistance.
- Common symptoms include frequent urination, excessive thirst and unexplained weight loss.
- Long-term complications affect the eyes, kidneys, nerves and cardiovascular system.

Treatment combines lifestyle changes, oral medication such as metformin, and insulin therapy when needed.`;

const items = (mode: GenerationMode, style = 'factual', count = 6): GeneratedItem[] =>
  extractItems({
    chunk: { id: 'c', text: TEXT, heading: 'Diabetes', documentName: 'd.md' },
    mode,
    count,
    prompt: '',
    promptName: '',
    categories: null,
    parameters: { question_style: style, negativity_ratio: 0.34 },
    variant: 0,
    avoid: [],
  });

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures');

/** The offline model's items (3 a chunk, a fifth negative) over the diabetes, cardiology and logger fixtures. */
const fixtureItems = (style: string): GeneratedItem[] =>
  ['diabetes.md', 'cardiology.md', 'logger-docs.md'].flatMap((file) =>
    chunkDocument(readFileSync(join(FIXTURES, file), 'utf8'), file).flatMap((c) =>
      extractItems({
        chunk: { id: `c${c.index}`, text: c.text, heading: c.heading, documentName: file },
        mode: 'default',
        count: 3,
        negatives: c.index % 5 === 0 ? 1 : 0,
        prompt: '',
        promptName: '',
        categories: null,
        parameters: { question_style: style },
        variant: 0,
        avoid: [],
      }),
    ),
  );

const similarity = (a: GeneratedItem, b: GeneratedItem): number => jaccard(shingles(dedupText(a)), shingles(dedupText(b)));
const questionSimilarity = (a: GeneratedItem, b: GeneratedItem): number =>
  jaccard(shingles(a.instruction ?? a.question ?? ''), shingles(b.instruction ?? b.question ?? ''));

describe('augmentItems', () => {
  it('returns the items unchanged for none', () => {
    const original = items('default');
    expect(augmentItems(original, 'none', 's')).toEqual(original);
  });

  it.each(['paraphrase', 'synonym_replacement'] as const)('%s: originals first, then one marked variant per original', (kind) => {
    const original = items('default', 'analytical');
    const out = augmentItems(original, kind, 'seed');
    expect(out.slice(0, original.length)).toEqual(original);
    const variants = out.slice(original.length);
    expect(variants).toHaveLength(original.length);
    variants.forEach((v) => {
      const from = v.metadata?.augmented_from as number;
      const source = out[from];
      expect(v.metadata).toMatchObject({ augmentation: kind, augmented_from: from });
      expect(v.question).not.toBe(source.question);
      expect(v.answer).toBe(source.answer);
      expect(v.category).toBe(source.category);
      expect(v.metadata?.negative).toBe(source.metadata?.negative);
    });
    expect(new Set(variants.map((v) => v.metadata?.augmented_from)).size).toBe(variants.length);
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const original = [...items('default', 'analytical'), ...items('default', 'case_based')];
    for (const kind of ['paraphrase', 'synonym_replacement'] as const) {
      expect(augmentItems(original, kind, 'a')).toEqual(augmentItems(original, kind, 'a'));
    }
    const bySeed = ['a', 'b', 'c', 'd'].map((s) =>
      augmentItems(original, 'synonym_replacement', s)
        .map((i) => i.question)
        .join('|'),
    );
    expect(new Set(bySeed).size).toBeGreaterThan(1);
  });

  it('drops a variant identical to its original; synonyms with no word in the table fall back on attribution', () => {
    const plain = { question: 'Xylophone zebra?', answer: 'Quartz.', category: null };
    const [, variant] = augmentItems([plain], 'synonym_replacement', 's');
    expect(['According to the text, Xylophone zebra?', 'Based on the text, Xylophone zebra?']).toContain(variant.question);
    expect(variant.metadata).toMatchObject({ augmentation: 'synonym_replacement', augmentation_fallback: 'attribution' });
    const cannot = { question: 'Based on the text, what is X and why?', answer: 'Quartz.', category: null };
    expect(augmentItems([cannot], 'synonym_replacement', 's')).toEqual([cannot]);
    expect(augmentItems([{ question: null, answer: 'A.', category: null }], 'paraphrase', 's')).toHaveLength(1);
  });

  /** The share holds: with data_augmentation every item of a document gets its variant (half of the entries). */
  it.each(['paraphrase', 'synonym_replacement'] as const)('%s: one variant for every offline-model item of the fixtures', (kind) => {
    for (const style of ['factual', 'analytical', 'case_based']) {
      const originals = fixtureItems(style);
      const out = augmentItems(originals, kind, 'seed');
      expect(out.length - originals.length).toBe(originals.length);
    }
  });

  it('rewords instruction items in both instruction and question', () => {
    const original = items('instruction');
    const out = augmentItems(original, 'paraphrase', 's');
    out.slice(original.length).forEach((v) => {
      expect(v.question).toBe(v.instruction);
      expect(v.output).toBe(out[v.metadata?.augmented_from as number].output);
      expect(v.input).toBe(out[v.metadata?.augmented_from as number].input);
    });
  });

  /**
   * Near-duplicate detection rejects pairs at Jaccard ≥ 0.9 over question + answer (dedupText). On the
   * question alone variants are far apart; with short answers (default mode: one sentence) they stay below
   * 0.9 too. Long answers (summaries, long-form answers) share so many shingles that some variants reach 0.9.
   */
  it.each(['factual', 'analytical', 'case_based'])('keeps %s question variants below the near-duplicate threshold', (style) => {
    for (const kind of ['paraphrase', 'synonym_replacement'] as const) {
      for (const mode of ['default', 'instruction', 'question'] as GenerationMode[]) {
        const original = items(mode, style);
        const out = augmentItems(original, kind, 'seed');
        for (const v of out.slice(original.length)) {
          const source = out[v.metadata?.augmented_from as number];
          expect(questionSimilarity(source, v)).toBeLessThan(0.7);
          expect(similarity(source, v)).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
        }
      }
    }
  });
});

describe('paraphraseQuestion', () => {
  it.each([
    ['What is insulin?', ['Can you explain what insulin is?', 'How would you describe insulin?']],
    [
      'What does the section on "Diabetes" say about insulin?',
      [
        'What information does the section on "Diabetes" give about insulin?',
        'According to the section on "Diabetes", what is known about insulin?',
      ],
    ],
    [
      'Who first discovered insulin, according to the text?',
      ['According to the text, who first discovered insulin?', 'According to the text: who first discovered insulin?'],
    ],
    ['According to the document, what is stated about glucose?', ['What is stated about glucose, according to the document?']],
    ["Summarize the section 'Diabetes'.", ["Provide a summary of the section 'Diabetes'.", "Write a summary of the section 'Diabetes'."]],
    ['Why do cells need glucose?', ['For what reason do cells need glucose?', 'According to the text, why do cells need glucose?']],
    // The shapes the offline model builds from a sentence's structure.
    [
      'What does type 1 diabetes result from?',
      ['From what does type 1 diabetes result?', 'What does type 1 diabetes result from, according to the text?'],
    ],
    [
      'What do child loggers add?',
      ['What do child loggers add, according to the text?', 'According to the text, what do child loggers add?'],
    ],
    ['How is type 1 diabetes treated?', ['In what way is type 1 diabetes treated?', 'By what means is type 1 diabetes treated?']],
    ['How can blood glucose be managed?', ['In what way can blood glucose be managed?', 'By what means can blood glucose be managed?']],
    ['What are child loggers used for?', ['For what are child loggers used?', 'What are child loggers used for, according to the text?']],
    ['Why are insulin injections needed in type 1 diabetes?', ['For what reason are insulin injections needed in type 1 diabetes?']],
    [
      'What are the symptoms of diabetes?',
      ['Can you explain what the symptoms of diabetes are?', 'How would you describe the symptoms of diabetes?'],
    ],
  ])('rewords %s', (question, expected) => {
    expect(expected).toContain(paraphraseQuestion(question, 'seed'));
  });

  /** Reads well: every paraphrase of a well-formed offline-model question passes the scorer's form and grammar checks too. */
  it.each(['factual', 'analytical', 'case_based'])('every paraphrase of %s fixture questions is a well-formed question', (style) => {
    const bad = fixtureItems(style)
      .map((item) => item.question ?? '')
      .flatMap((q) => ['a', 'b', 'c'].map((seed) => ({ q, p: paraphraseQuestion(q, seed) })))
      .filter(({ q }) => questionFormScore(q) === 1 && questionGrammarScore(q) === 1)
      .filter(({ p }) => questionFormScore(p) !== 1 || questionGrammarScore(p) !== 1);
    expect(bad).toEqual([]);
  });

  it('leaves text it cannot reword unchanged', () => {
    expect(paraphraseQuestion('insulin levels', 's')).toBe('insulin levels');
    expect(paraphraseQuestion('Based on the text, what is X and why?', 's')).toBe('Based on the text, what is X and why?');
  });
});

describe('replaceSynonyms', () => {
  it('replaces 1-3 table words, keeping quotes, numbered names and capitalisation', () => {
    const question = 'What does the section on "Common Symptoms" say about the main effects of type 2 diabetes?';
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const out = replaceSynonyms(question, seed);
      expect(out).not.toBe(question);
      expect(out).toContain('"Common Symptoms"');
      expect(out).toContain('type 2 diabetes');
      expect(out).toMatch(/^What does the /);
      const changed = question.split(' ').filter((w, i) => out.split(' ')[i] !== w);
      expect(changed.length).toBeGreaterThanOrEqual(1);
    }
    expect(replaceSynonyms('Explain the role of insulin.', 'x')).toMatch(/^[A-Z]/);
  });

  it('fixes the article before a replaced word', () => {
    const outs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((s) => replaceSynonyms('Give an important example.', s));
    outs.forEach((o) => expect(o).not.toMatch(/\ban [^aeiou\s]|\ba [aeiou]/i));
  });

  it('ships a table of a few hundred words with usable synonyms', () => {
    expect(SYNONYMS.size).toBeGreaterThan(250);
    for (const [word, list] of SYNONYMS) {
      expect(list.length).toBeGreaterThan(0);
      expect(list).not.toContain(word);
    }
  });
});

describe('asAugmentation', () => {
  it('maps parameter values onto kinds', () => {
    expect(['paraphrase', 'synonym_replacement', 'none', undefined, 'bogus'].map(asAugmentation)).toEqual([
      'paraphrase',
      'synonym_replacement',
      'none',
      'none',
      'none',
    ]);
  });
});
