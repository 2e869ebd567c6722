import { DIFFICULTIES, type Difficulty } from '@compileo/domain';
import { dedupText, normalizeText, shingles } from '../dedup/near-duplicate';
import { runInSlices, runToEnd, type Sliced } from '../slicing/sliced';

/**
 * A dataset's diversity and balance at a glance. Every ratio is rounded to 4 decimals; an empty dataset
 * reports zeros throughout.
 *
 * diversity — is the dataset saying many different things, or the same thing many times?
 *   distinct_1  Unique words / all words, over every question and answer (each a separate text; words as
 *               in dedup: NFKC, lower case, punctuation dropped). Near 1: little repetition of vocabulary;
 *               low: the same words over and over. It falls naturally as a dataset grows, so compare
 *               datasets of similar size.
 *   distinct_2  The same for adjacent word pairs (bigrams within one question or answer). Catches
 *               templated phrasing ("What is the …", "According to the text …") that distinct_1 misses;
 *               usually higher than distinct_1. Below ~0.5 on a few hundred entries suggests boilerplate.
 *   mean_nearest_similarity
 *               For each entry, the word-3-shingle Jaccard of its question + answer (the text dedup
 *               compares) with its most similar other entry; the mean over entries. 0: no entry shares a
 *               three-word phrase with any other; 1: every entry has an exact copy. Rejected duplicates
 *               sit at ≥ 0.9, so kept datasets are below that; a mean above ~0.3 means many entries are
 *               close paraphrases of a neighbour. A wordless entry counts as identical only to another
 *               wordless entry. Computed through an inverted shingle index: only entries sharing a shingle
 *               are compared.
 *
 * category_balance — is any category crowding out the others?
 *   categories         Number of distinct categories.
 *   normalized_entropy Shannon entropy of the category shares divided by its maximum, ln(categories):
 *                      1 = every category equally large, towards 0 = nearly everything in one category;
 *                      0 with a single category (no spread at all).
 *   largest_share      Share of entries in the largest category (1/categories when perfectly balanced);
 *                      the concrete figure behind a low entropy.
 *
 * difficulty_spread — does the dataset cover the difficulty range?
 *   beginner … expert  Entries at each level (values outside the four levels are not counted).
 *   normalized_entropy Entropy of those four counts divided by ln 4: 1 = an even spread over all four
 *                      levels, 0 = a single level. Unused levels lower it, which is the point: a dataset
 *                      with no advanced or expert entries is not spread, however even the rest is.
 */
export interface DatasetReport {
  readonly entries: number;
  readonly diversity: {
    readonly distinct_1: number;
    readonly distinct_2: number;
    readonly mean_nearest_similarity: number;
  };
  readonly category_balance: {
    readonly categories: number;
    readonly normalized_entropy: number;
    readonly largest_share: number;
  };
  readonly difficulty_spread: Readonly<Record<Difficulty, number>> & { readonly normalized_entropy: number };
}

export interface ReportEntry {
  readonly question: string | null;
  readonly answer: string | null;
  readonly category: string;
  readonly difficulty: string;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** Shannon entropy of `counts` over ln(buckets): 0..1, 0 when there is at most one bucket or no data. */
const normalizedEntropy = (counts: readonly number[], buckets = counts.length): number => {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0 || buckets < 2) return 0;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h / Math.log(buckets);
};

const words = (text: string | null): string[] =>
  text === null
    ? []
    : normalizeText(text)
        .split(' ')
        .filter((w) => w !== '');

function* distinctN(entries: readonly ReportEntry[]): Sliced<{ distinct_1: number; distinct_2: number }> {
  const unigrams = new Set<string>();
  const bigrams = new Set<string>();
  let totalUni = 0;
  let totalBi = 0;
  for (const e of entries) {
    yield;
    for (const text of [e.question, e.answer]) {
      const ws = words(text);
      totalUni += ws.length;
      for (const w of ws) unigrams.add(w);
      for (let i = 0; i + 1 < ws.length; i++) {
        totalBi++;
        bigrams.add(`${ws[i]} ${ws[i + 1]}`);
      }
    }
  }
  return { distinct_1: ratio(unigrams.size, totalUni), distinct_2: ratio(bigrams.size, totalBi) };
}

/**
 * Mean over entries of the Jaccard similarity to the nearest other entry. An inverted index from shingle to
 * entries gives, per entry, the count of shared shingles with every entry it overlaps (a typed counter
 * array, reset through the touched list), so the cost is the number of shingle-sharing pairs, not n².
 */
function* meanNearestSimilarity(entries: readonly ReportEntry[]): Sliced<number> {
  const n = entries.length;
  if (n < 2) return 0;
  const shingleIds = new Map<string, number>();
  const postings: number[][] = [];
  const sets: number[][] = [];
  for (const [i, e] of entries.entries()) {
    yield;
    const ids: number[] = [];
    for (const s of shingles(dedupText({ question: e.question, answer: e.answer }))) {
      let id = shingleIds.get(s);
      if (id === undefined) {
        id = postings.length;
        shingleIds.set(s, id);
        postings.push([]);
      }
      postings[id].push(i);
      ids.push(id);
    }
    sets.push(ids);
  }
  // Wordless entries have no shingles: identical to each other (as in jaccard), unrelated to the rest.
  const wordless = sets.filter((ids) => ids.length === 0).length;
  const shared = new Int32Array(n);
  const touched: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    // A step is one entry here: an entry's cost is the number of entries it shares shingles with.
    yield;
    if (sets[i].length === 0) {
      sum += wordless > 1 ? 1 : 0;
      continue;
    }
    for (const s of sets[i]) for (const j of postings[s]) if (j !== i && shared[j]++ === 0) touched.push(j);
    let best = 0;
    for (const j of touched) {
      const similarity = shared[j] / (sets[i].length + sets[j].length - shared[j]);
      if (similarity > best) best = similarity;
      shared[j] = 0;
    }
    touched.length = 0;
    sum += best;
  }
  return sum / n;
}

/** The report at once, for callers off the request path (tests, benchmarks). */
export const datasetReport = (entries: readonly ReportEntry[]): DatasetReport => runToEnd(reportSteps(entries));

/** The report in slices, so a large dataset's report does not hold the event loop. */
export const datasetReportSliced = (entries: readonly ReportEntry[]): Promise<DatasetReport> => runInSlices(reportSteps(entries));

export function* reportSteps(entries: readonly ReportEntry[]): Sliced<DatasetReport> {
  const n = entries.length;
  const { distinct_1, distinct_2 } = yield* distinctN(entries);
  const meanNearest = yield* meanNearestSimilarity(entries);

  const categories = new Map<string, number>();
  for (const e of entries) categories.set(e.category, (categories.get(e.category) ?? 0) + 1);
  const categoryCounts = [...categories.values()];

  const levels = Object.fromEntries(DIFFICULTIES.map((d) => [d, 0])) as Record<Difficulty, number>;
  for (const e of entries) if ((DIFFICULTIES as readonly string[]).includes(e.difficulty)) levels[e.difficulty as Difficulty]++;

  return {
    entries: n,
    diversity: {
      distinct_1: round4(distinct_1),
      distinct_2: round4(distinct_2),
      mean_nearest_similarity: round4(meanNearest),
    },
    category_balance: {
      categories: categories.size,
      normalized_entropy: round4(normalizedEntropy(categoryCounts)),
      largest_share: round4(ratio(Math.max(0, ...categoryCounts), n)),
    },
    difficulty_spread: {
      ...levels,
      normalized_entropy: round4(normalizedEntropy(DIFFICULTIES.map((d) => levels[d]))),
    },
  };
}
