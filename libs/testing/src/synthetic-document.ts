/**
 * A long Markdown document whose sections are all different (no two chunks near-duplicates), so a
 * generation over it takes many chunks and keeps every entry. Deterministic for a given size.
 */
const SUBJECTS = ['The enzyme', 'A receptor', 'The protein', 'This hormone', 'The pathway', 'A transporter', 'The channel', 'This kinase'];
const VERBS = ['regulates', 'inhibits', 'activates', 'modulates', 'stabilises', 'degrades', 'phosphorylates', 'binds'];
const OBJECTS = [
  'glucose uptake',
  'lipid storage',
  'cell division',
  'insulin release',
  'blood pressure',
  'immune signalling',
  'bone growth',
  'sleep cycles',
];
const PLACES = [
  'in the liver',
  'in skeletal muscle',
  'in the kidney',
  'in adipose tissue',
  'in the brain',
  'in the pancreas',
  'in the heart',
  'in the gut',
];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

export const syntheticMarkdown = (sections: number): string => {
  const parts: string[] = ['# Synthetic physiology handbook'];
  for (let i = 0; i < sections; i++) {
    const a = Math.floor(i / 8);
    parts.push(
      `## Topic ${i + 1}: ${pick(OBJECTS, i)} and factor ${i * 7 + 3}`,
      [
        `${pick(SUBJECTS, i)} F${i * 7 + 3} ${pick(VERBS, i + a)} ${pick(OBJECTS, i + 3 * a)} ${pick(PLACES, i + 5 * a)} during fasting period ${i + 11}.`,
        `Researchers measured ${a + 2} distinct isoforms of F${i * 7 + 3}, each with a half-life near ${(i % 13) + 4} minutes.`,
        `When F${i * 7 + 3} is absent, ${pick(OBJECTS, i + 5)} falls by about ${((i * 3) % 70) + 10} percent ${pick(PLACES, i + 2)}.`,
        `Clinical trial ${1000 + i} reported that blocking F${i * 7 + 3} changed ${pick(OBJECTS, i + a + 1)} within ${(i % 9) + 2} weeks.`,
      ].join(' '),
    );
  }
  return parts.join('\n\n');
};

const PROSE_WORDS = ['glucose', 'insulin', 'patients', 'therapy', 'outcomes', 'clinicians', 'dosage', 'trial'];

/** Plain prose of about `bytes` characters with no headings or blank lines: one section, thousands of sentences. */
export const headingLessProse = (bytes: number): string => {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const sentence = `The ${pick(PROSE_WORDS, i)} study ${i} found that ${pick(PROSE_WORDS, i * 3)} changed ${pick(PROSE_WORDS, i * 5)} over time. `;
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('');
};
