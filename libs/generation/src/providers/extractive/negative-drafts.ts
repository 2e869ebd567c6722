import { NEGATIVE_MODES, type GenerationMode } from '@compileo/domain';
import { NEGATIVE_ANSWER, absentQuestionTerms, chunkVocabulary, coveredBy } from '../../negatives/negative-answer';
import { hash53 } from '../../text/seeded-hash';
import { topKeywords } from '../../text/keywords';
import { joinSentences, type Draft, type DraftContext } from './draft-context';
import { decapitalize, plain } from './question-phrasing';

/**
 * An aspect a text may or may not cover. It is used only when none of `terms` (nor a word sharing a
 * 5-letter stem with one) occurs in the chunk, and its question always contains at least one of `terms`, so
 * the question asks about something the chunk verifiably lacks.
 */
interface Aspect {
  readonly name: string;
  readonly terms: readonly string[];
  readonly question: string;
}

export const NEGATIVE_ASPECTS: readonly Aspect[] = [
  {
    name: 'cost',
    terms: ['cost', 'costs', 'price', 'prices', 'pricing', 'expensive', 'cheap', 'afford', 'affordable', 'dollars', 'fee', 'fees'],
    question: 'What does {scope} say about the cost of {topic}?',
  },
  {
    name: 'history',
    terms: ['discovered', 'discovery', 'invented', 'invention', 'inventor', 'history', 'historical', 'founded', 'century', 'centuries'],
    question: 'Who first discovered {topic}, according to {scope}?',
  },
  {
    name: 'law',
    terms: ['laws', 'law', 'legal', 'legislation', 'regulation', 'regulations', 'regulatory', 'regulate', 'statute', 'court', 'courts'],
    question: 'Which laws regulate {topic}, according to {scope}?',
  },
  {
    name: 'environment',
    terms: ['environmental', 'environment', 'climate', 'pollution', 'emissions', 'ecological'],
    question: 'What environmental impact of {topic} does {scope} report?',
  },
  {
    name: 'geography',
    terms: [
      'countries',
      'country',
      'nation',
      'nations',
      'national',
      'region',
      'regions',
      'regional',
      'geographic',
      'continent',
      'worldwide',
    ],
    question: 'In which countries is {topic} most common, according to {scope}?',
  },
  {
    name: 'statistics',
    terms: ['percentage', 'percent', 'statistics', 'statistical', 'proportion'],
    question: 'What percentage figures does {scope} give for {topic}?',
  },
  { name: 'tax', terms: ['taxed', 'tax', 'taxes', 'taxation'], question: 'How is {topic} taxed, according to {scope}?' },
  {
    name: 'people',
    terms: ['researchers', 'researcher', 'scientist', 'scientists', 'author', 'authors', 'experts', 'expert'],
    question: 'Which researchers does {scope} credit for work on {topic}?',
  },
  {
    name: 'future',
    terms: ['future', 'forecast', 'forecasts', 'prediction', 'predictions', 'predict', 'predicts'],
    question: 'What future developments in {topic} does {scope} predict?',
  },
  {
    name: 'training',
    terms: ['certification', 'certified', 'training', 'trained', 'course', 'courses', 'degree', 'qualification', 'qualifications'],
    question: 'What certification does working with {topic} require, according to {scope}?',
  },
  {
    name: 'date',
    terms: ['year', 'years', 'date', 'dates', 'dated', 'decade', 'decades'],
    question: 'In what year was {topic} first introduced, according to {scope}?',
  },
  {
    name: 'insurance',
    terms: ['insurance', 'insured', 'insurer', 'insurers', 'reimbursement', 'reimbursed'],
    question: 'How does insurance cover {topic}, according to {scope}?',
  },
];

/** What the chunk is about: its heading, then its most frequent content words (never more than five topics). */
const topicsOf = (ctx: DraftContext, heading: string | null): string[] => {
  const topics: string[] = [];
  const head = heading ? plain(heading).trim() : '';
  if (head !== '' && head.split(/\s+/).length <= 6) topics.push(decapitalize(head, ctx.chunkText));
  for (const word of topKeywords(ctx.chunkText, 6)) {
    if (topics.length >= 5) break;
    if (!/^\p{L}/u.test(word) || topics.some((t) => t.toLowerCase() === word)) continue;
    topics.push(word);
  }
  return topics;
};

export interface NegativeDraftOptions {
  readonly mode: GenerationMode;
  readonly heading: string | null;
  /** Rotates the start aspect, so regenerations and the next call ask about other aspects. */
  readonly offset: number;
}

/**
 * Questions the chunk does not answer, each answered with NEGATIVE_ANSWER (question mode: answer null;
 * instruction mode: the question as an instruction over a chunk excerpt, output NEGATIVE_ANSWER). Aspects
 * whose terms occur in the chunk are skipped, and every question is checked once more against the chunk
 * (`absentQuestionTerms`), so a negative never asks what the text says. Deterministic: the order depends
 * only on the chunk text, the heading and `offset`.
 */
export function* negativeDrafts(ctx: DraftContext, opts: NegativeDraftOptions): Generator<Draft> {
  if (!NEGATIVE_MODES.has(opts.mode)) return;
  const vocabulary = chunkVocabulary(ctx.chunkText);
  const aspects = NEGATIVE_ASPECTS.filter((a) => !a.terms.some((t) => coveredBy(t, vocabulary)));
  const topics = topicsOf(ctx, opts.heading);
  if (aspects.length === 0 || topics.length === 0) return;
  const start = (hash53(ctx.chunkText) + opts.offset) % aspects.length;
  for (let round = 0; round < topics.length; round++) {
    for (let i = 0; i < aspects.length; i++) {
      const aspect = aspects[(start + i) % aspects.length];
      const topic = topics[(i + round) % topics.length];
      const question = aspect.question.replace('{scope}', () => ctx.scope).replace('{topic}', () => topic);
      const absent = absentQuestionTerms(question, vocabulary);
      if (!absent.some((t) => aspect.terms.includes(t))) continue;
      const meta = { aspect: aspect.name, absentTerms: absent };
      if (opts.mode === 'question') yield { question, answer: null, sentences: [], negative: meta };
      else if (opts.mode === 'instruction') {
        const from = (start + i + round) % ctx.candidates.length;
        const excerpt = ctx.candidates.slice(from, from + 3);
        const instruction = `Using only the excerpt, answer: ${question}`;
        yield { question: instruction, answer: NEGATIVE_ANSWER, sentences: [], instruction, input: joinSentences(excerpt), negative: meta };
      } else yield { question, answer: NEGATIVE_ANSWER, sentences: [], negative: meta };
    }
  }
}
