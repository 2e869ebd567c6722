import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One hand-labelled entry of test/fixtures/quality/: a question, an answer, its source text and the verdict. */
export interface LabelledEntry {
  readonly id: string;
  readonly domain: string;
  readonly source: string;
  readonly question: string;
  readonly answer: string;
  readonly good: boolean;
  /** What is wrong with a bad entry (ill_formed_question, off_question, unsupported, truncated, trivial, code_or_markup, not_a_question). */
  readonly failure: string | null;
}

interface LabelledFile {
  readonly domain: string;
  readonly source: string;
  readonly entries: readonly { label: 'good' | 'bad'; failure?: string; question: string; answer: string }[];
}

/** test/fixtures/quality/, found from this file (sources, Jest) or from the working directory (compiled benches). */
export const LABELLED_QUALITY_DIR =
  [join(__dirname, '..', '..', '..', 'test', 'fixtures', 'quality'), join(process.cwd(), 'test', 'fixtures', 'quality')].find((dir) =>
    existsSync(dir),
  ) ?? join(process.cwd(), 'test', 'fixtures', 'quality');

/** Every entry of the labelled set, ids `<file>#<n>`, in file and entry order. */
export const loadLabelledQualitySet = (dir = LABELLED_QUALITY_DIR): LabelledEntry[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as LabelledFile;
      return data.entries.map((e, i) => ({
        id: `${file.replace(/\.json$/, '')}#${i + 1}`,
        domain: data.domain,
        source: data.source,
        question: e.question,
        answer: e.answer,
        good: e.label === 'good',
        failure: e.label === 'good' ? null : (e.failure ?? 'unspecified'),
      }));
    });
