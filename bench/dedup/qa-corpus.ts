/**
 * Seeded QA-like texts for the dedup bench: templated questions and answers over a Zipf-distributed
 * vocabulary, so common phrases ("what is the role of", "is one of the") recur across the corpus as they do
 * in generated datasets, and a share of near-duplicates (one word changed or appended) of earlier texts.
 */

/** mulberry32: a small seeded PRNG, so every run draws the same corpus. */
const prng = (seed: number): (() => number) => {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const QUESTIONS = [
  'What is the role of',
  'How does',
  'Why is',
  'What are the main causes of',
  'Which factors affect',
  'When should a clinician consider',
  'Explain the difference between',
  'What happens to',
];
const LINKS = ['is one of the', 'depends on the', 'is caused by', 'is measured by the', 'leads to a', 'is part of the', 'regulates the'];
const ENDINGS = ['in most patients', 'over time', 'in the body', 'under normal conditions', 'according to the guideline', ''];

export const qaCorpus = (seed: number, vocabularySize = 20000): (() => string) => {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  // Zipf-like: index ∝ 1/u, so a few terms are frequent and most are rare.
  const term = (): string =>
    `term${Math.min(vocabularySize - 1, Math.floor(1 / (random() + 1 / vocabularySize)) - 1 + Math.floor(random() * 3))}`;
  const rare = (): string => `word${Math.floor(random() * vocabularySize)}`;
  const phrase = (): string => `${term()} ${rare()}`;
  const sentence = (): string => `The ${phrase()} ${pick(LINKS)} ${phrase()} ${pick(ENDINGS)}.`;
  const earlier: string[] = [];
  return () => {
    if (earlier.length > 10 && random() < 0.05) {
      const words = pick(earlier).split(' ');
      if (random() < 0.5) words.push(rare());
      else words[words.length - 1] = `${rare()}.`;
      return words.join(' ');
    }
    const question = `${pick(QUESTIONS)} ${phrase()} in ${phrase()}?`;
    const answer = Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(' ');
    const text = `${question} \n ${answer}`;
    if (earlier.length < 1000) earlier.push(text);
    else earlier[Math.floor(random() * earlier.length)] = text;
    return text;
  };
};
