import { datasetReport, reportSteps } from './dataset-report';

describe('datasetReport', () => {
  it('computes every metric on a hand-checked example', () => {
    const report = datasetReport([
      { question: 'What is insulin?', answer: 'A hormone.', category: 'bio', difficulty: 'beginner' },
      { question: 'What is insulin?', answer: 'A peptide hormone.', category: 'bio', difficulty: 'intermediate' },
      { question: 'Define entropy', answer: null, category: 'physics', difficulty: 'beginner' },
    ]);
    expect(report).toEqual({
      entries: 3,
      diversity: {
        // words: 3+2 + 3+3 + 2 = 13, unique {what,is,insulin,a,hormone,peptide,define,entropy} = 8
        distinct_1: 0.6154,
        // bigrams: 2+1 + 2+2 + 1 = 8, unique {what is, is insulin, a hormone, a peptide, peptide hormone, define entropy} = 6
        distinct_2: 0.75,
        // shingles e1 {what is insulin, is insulin a, insulin a hormone}, e2 {what is insulin, is insulin a,
        // insulin a peptide, a peptide hormone}: 2 shared / 5 = 0.4 each; e3 shares nothing: (0.4+0.4+0)/3
        mean_nearest_similarity: 0.2667,
      },
      // shares 2/3, 1/3: H = 0.6365, / ln 2 = 0.9183
      category_balance: { categories: 2, normalized_entropy: 0.9183, largest_share: 0.6667 },
      // counts 2, 1, 0, 0: H = 0.6365, / ln 4 = 0.4591
      difficulty_spread: { beginner: 2, intermediate: 1, advanced: 0, expert: 0, normalized_entropy: 0.4591 },
    });
  });

  it('reports perfect balance, exact copies and a single category', () => {
    const levels = ['beginner', 'intermediate', 'advanced', 'expert'];
    const even = datasetReport(
      levels.map((d, i) => ({ question: 'Same question here', answer: 'Same answer', category: `c${i}`, difficulty: d })),
    );
    // 20 words, 4 unique; 12 bigrams, 3 unique
    expect(even.diversity).toEqual({ distinct_1: 0.2, distinct_2: 0.25, mean_nearest_similarity: 1 });
    expect(even.category_balance).toEqual({ categories: 4, normalized_entropy: 1, largest_share: 0.25 });
    expect(even.difficulty_spread).toEqual({ beginner: 1, intermediate: 1, advanced: 1, expert: 1, normalized_entropy: 1 });

    const single = datasetReport([
      { question: 'Alpha beta gamma delta', answer: null, category: 'only', difficulty: 'expert' },
      { question: 'Epsilon zeta eta theta', answer: null, category: 'only', difficulty: 'unknown' },
    ]);
    expect(single.diversity).toEqual({ distinct_1: 1, distinct_2: 1, mean_nearest_similarity: 0 });
    expect(single.category_balance).toEqual({ categories: 1, normalized_entropy: 0, largest_share: 1 });
    expect(single.difficulty_spread).toEqual({ beginner: 0, intermediate: 0, advanced: 0, expert: 1, normalized_entropy: 0 });
  });

  it('gives zeros for an empty dataset and a lone entry has no neighbour', () => {
    expect(datasetReport([])).toEqual({
      entries: 0,
      diversity: { distinct_1: 0, distinct_2: 0, mean_nearest_similarity: 0 },
      category_balance: { categories: 0, normalized_entropy: 0, largest_share: 0 },
      difficulty_spread: { beginner: 0, intermediate: 0, advanced: 0, expert: 0, normalized_entropy: 0 },
    });
    expect(datasetReport([{ question: 'Q', answer: 'A', category: 'x', difficulty: 'beginner' }]).diversity.mean_nearest_similarity).toBe(
      0,
    );
    // Two wordless entries are identical to each other (1 each), the worded one has no neighbour: 2/3.
    const blank = { question: null, answer: '?!', category: 'x', difficulty: 'beginner' };
    expect(datasetReport([blank, blank, { ...blank, answer: 'Real words here' }]).diversity.mean_nearest_similarity).toBe(0.6667);
  });

  // How fast this is, is measured by `npm run bench:report`, not asserted here.
  it('reports on 5000 entries through the inverted index', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      question: `What does term ${i} mean in chapter ${i % 50}?`,
      answer: `Term ${i} is defined as concept number ${i}.`,
      category: `c${i % 5}`,
      difficulty: 'advanced',
    }));
    const report = datasetReport(many);
    expect(report.entries).toBe(5000);
    expect(report.category_balance).toEqual({ categories: 5, normalized_entropy: 1, largest_share: 0.2 });
    expect(report.diversity.mean_nearest_similarity).toBeGreaterThan(0);
    expect(report.diversity.mean_nearest_similarity).toBeLessThan(0.9);
  });
});

describe('reportSteps', () => {
  it('yields at least once per entry in each pass over the entries, so a slice is never hundreds of entries', () => {
    const input = Array.from({ length: 300 }, (_, i) => ({
      question: `What does part ${i} say?`,
      answer: `Part ${i} says something of its own.`,
      category: 'c',
      difficulty: 'beginner',
    }));
    const steps = reportSteps(input);
    let yields = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(3 * input.length);
  });
});
