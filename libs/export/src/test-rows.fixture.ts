import type { ExportRow } from './export-row';

/** Deterministic rows exercising nulls, empty strings, unicode, newlines, quotes and nested metadata. */
export function makeRow(i: number): ExportRow {
  const nullish = i % 7 === 0;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    question: nullish ? null : `Question ${i}: what is "x" — naïve café ✓ 😀?\nsecond line\ttab`,
    answer: i % 11 === 0 ? '' : `Answer ${i} \\ back\\slash \u2028 sep`,
    category: nullish ? null : (['math', 'history', 'science'][i % 3] ?? null),
    quality_score: nullish ? null : Math.round((i % 100) * 0.0137 * 1e6) / 1e6,
    difficulty: i % 5 === 0 ? null : 'medium',
    source_chunk: `chunk-${i % 50} ${'lorem ipsum '.repeat(i % 4)}`,
    split: nullish ? null : (['train', 'validation', 'test'][i % 3] ?? null),
    version: (i % 3) + 1,
    metadata: i % 13 === 0 ? {} : { model: 'm-1', tokens: i, tags: ['a', 'b'], nested: { ok: i % 2 === 0, none: null } },
  };
}

export async function* makeRows(n: number): AsyncGenerator<ExportRow> {
  for (let i = 0; i < n; i++) yield makeRow(i);
}
