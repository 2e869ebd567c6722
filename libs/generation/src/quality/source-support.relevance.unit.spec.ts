import { groundingScore, relevanceScore, supportedShare } from './source-support';

/** Five sentences on bread; "loaf" is in two of them (40%), so it is the chunk's topic, not a subject to ask for. */
const BREAD = `## Bread
Knead the dough for ten minutes until it is smooth and elastic. Leave it in a warm place until it has doubled in size.
Shape the loaf and let it prove a second time. Bake at 220 °C until the crust is golden. A baked loaf sounds hollow
when tapped underneath.`;

describe('supportedShare and groundingScore', () => {
  it('is the share of distinct content words found in the chunk', () => {
    // dough, knead: in the chunk; rye, flour: not.
    expect(supportedShare('Knead the rye dough with flour.', BREAD)).toBeCloseTo(0.5, 10);
    expect(supportedShare('Knead the dough.', BREAD)).toBe(1);
    expect(supportedShare('Quickly and often.', BREAD)).toBe(0);
  });
  it('is linear between a share of 0.3 and 0.75', () => {
    expect(groundingScore('Knead the rye dough with flour.', BREAD)).toBeCloseTo(0.2 / 0.45, 10);
  });
});

describe('relevanceScore for quantity questions', () => {
  it('gives a paraphrased answer with a number 0.75', () =>
    expect(relevanceScore('How long should the dough rise?', 'About an hour.', BREAD)).toBe(0.75));
  it('caps an answer without a number at 0.5, however well it matches', () =>
    expect(relevanceScore('How long should the dough be kneaded?', 'Knead the dough until it is smooth.', BREAD)).toBe(0.5));
  it.each(['Fifteen.', 'About 90 seconds.', 'Twice.'])('takes %j as a number', (answer) =>
    expect(relevanceScore('How long should the dough rise?', answer, BREAD)).toBeGreaterThanOrEqual(0.75),
  );
});

describe('relevanceScore with a pronoun for the subject', () => {
  it('reads "it" as the question subject when the answer has no subject of its own', () =>
    expect(relevanceScore('Is the crust golden?', 'Only when it is done.', BREAD)).toBe(1));
  it('does not when the answer opens with its own noun phrase', () =>
    expect(relevanceScore('Is the crust golden?', 'The oven makes it so.', BREAD)).toBe(0));
  it('does not without a pronoun', () => expect(relevanceScore('Is the crust golden?', 'Only when done.', BREAD)).toBe(0));
  it('takes only the first run of nouns and adjectives after the auxiliary as the subject', () =>
    // subject: "shaped loaf" (loaf is the topic); "left" and "prove" stay uncovered: shaped is a third of the weight.
    expect(relevanceScore('Is the shaped loaf left to prove?', 'Only when it is cool.', BREAD)).toBeCloseTo(2 / 3, 10));
});

describe('relevanceScore for yes/no questions', () => {
  it('scores "Yes, …" to a yes/no question 0.8', () => expect(relevanceScore('Is a baked loaf hollow?', 'Yes, always.', BREAD)).toBe(0.8));
  it('does not score a bare adverb to a yes/no question', () =>
    expect(relevanceScore('Is a baked loaf hollow?', 'Always.', BREAD)).toBe(0));
  it('does not score "No, …" to a wh-question', () =>
    expect(relevanceScore('What does a baked loaf sound like?', 'No, never.', BREAD)).toBe(0));
});

describe('relevanceScore through the chunk sentence an answer rests on', () => {
  it('counts a sentence sharing exactly half the answer part', () =>
    // "kneading by hand": knead is in the first sentence, which holds "dough" and "smooth".
    expect(relevanceScore('What makes the dough smooth?', 'Kneading by hand.', BREAD)).toBe(1));
  it('takes the best-matching sentence, not the first one over half', () =>
    // loaf, proved: shaping sentence (half); loaf, baked, tapped: the last sentence (three quarters).
    expect(relevanceScore('Why does it sound hollow?', 'The proved loaf is baked and tapped.', BREAD)).toBe(1));
  it('keeps the best-matching sentence over a later weaker one', () =>
    expect(relevanceScore('What happens a second time?', 'The shaped loaf proves before it is tapped.', BREAD)).toBe(1));
});

describe('relevanceScore weights and topic', () => {
  const AIRWAYS =
    'Asthma narrows the airways. Wheezing is a common sign. Spirometry measures airflow. Inhalers deliver medicine to the airways. Pollen can trigger attacks. Exercise can also bring on attacks.';
  it('weighs a subject word by its rarity among the chunk sentences', () =>
    // airways (2 of 6 sentences) weighs ln(7/2.5), spirometry (1 of 6) ln(7/1.5); only airways is covered.
    expect(relevanceScore('What does spirometry show about the airways?', 'The airways relax within minutes.', AIRWAYS)).toBeCloseTo(
      (2 * Math.log(7 / 2.5)) / (Math.log(7 / 2.5) + Math.log(7 / 1.5)),
      10,
    ));
  it.each([
    ['a heading word', 'What is bread?', 'A staple food made from flour.', BREAD, 1],
    ['a word of 40% of the sentences', 'What is a loaf?', 'A shaped mass of bread.', BREAD, 1],
    [
      'a word of two of three sentences',
      'What is asthma?',
      'A disease of the lungs.',
      'Pollen triggers asthma. Cold air triggers asthma too. Inhalers relieve the symptoms.',
      1,
    ],
    [
      'not in a chunk of two sentences',
      'What is asthma?',
      'A disease of the lungs.',
      'Pollen triggers asthma. Inhalers relieve asthma.',
      0,
    ],
  ])('treats %s as the topic, which the answer need not name', (_, question, answer, chunk, expected) =>
    expect(relevanceScore(question, answer, chunk)).toBe(expected),
  );
  it('leaves fenced code out of the chunk', () =>
    expect(
      relevanceScore('What does the logger flush?', 'Buffered lines.', 'Use it like this.\n```js\nlogger.flush()\n```\nThat is all.'),
    ).toBe(1));
});

describe('relevanceScore, answer parts and headings', () => {
  it('is 0 for an empty answer to a question the chunk holds', () => expect(relevanceScore('Is the crust golden?', '', BREAD)).toBe(0));
  it('matches each clause of an answer to its own sentence', () =>
    // Whole, the answer rests on the kneading sentence; its second clause rests on the baking one.
    expect(relevanceScore('What makes the crust golden?', 'Knead the dough until elastic; bake it at 220 °C.', BREAD)).toBe(1));
  it('reads only lines opening with "#" as headings', () =>
    expect(
      relevanceScore(
        'Which gas mark does the oven need?',
        'A hot one.',
        'Knead the dough well.\nBake the loaf at gas mark #7.\nLet it cool on a rack.',
      ),
    ).toBe(0));
});

describe('relevanceScore, whose subject a pronoun stands for', () => {
  it.each([
    ['a determiner', 'The oven makes it so.'],
    ['a noun', 'sugar makes it so.'],
    ['a proper noun', 'Paul Hollywood says it is.'],
    ['an adjective', 'brown sugar makes it so.'],
    ['a number', '10 minutes makes it so.'],
    ['a verb', 'Kneading makes it so.'],
  ])('takes an answer opening with %s as naming its own subject', (_, answer) =>
    expect(relevanceScore('Is the crust golden?', answer, BREAD)).toBe(0),
  );
  it('finds the subject after the auxiliary of a wh-question', () =>
    expect(relevanceScore('Why is the crust golden?', 'Because it is baked hot.', BREAD)).toBe(1));
  it('finds the subject of a question without its question mark', () =>
    expect(relevanceScore('Is the crust golden', 'Only when it is done.', BREAD)).toBe(1));
  it('takes a proper name as the subject', () =>
    expect(
      relevanceScore(
        'Is Olympus Mons active?',
        'Nobody knows if it is.',
        'Mars is the fourth planet from the Sun. Olympus Mons is the largest volcano on Mars. Dust storms cover the planet for months.',
      ),
    ).toBe(1));
});

describe('relevanceScore, which chunk sentence an answer rests on', () => {
  it('does not rest an answer on a sentence that shares one of its words', () =>
    expect(relevanceScore('What makes the crust golden?', 'A kitchen scale weighing 220 grams.', BREAD)).toBe(0));
  it('keeps the first of two equally matching sentences', () =>
    // knead, dough: half the first sentence's match; shape, loaf: half the third's.
    expect(relevanceScore('What makes the dough smooth and elastic?', 'Kneading the dough, not shaping the loaf.', BREAD)).toBe(1));
});
