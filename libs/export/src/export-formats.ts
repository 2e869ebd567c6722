import type { ExportRow } from './export-row';
import { contentTypeFor } from './file-names';
import { writeJsonl } from './jsonl-writer';
import { writeParquet } from './parquet-writer';
import { writeAlpaca, writeOpenAiChat, writeShareGpt } from './training-formats';

/** `?format=` values of a download: the native formats plus the fine-tuning ones. */
export const EXPORT_FORMATS = ['jsonl', 'parquet', 'alpaca', 'sharegpt', 'openai'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Streams rows into `out` without ending it. `skipped` is set by the fine-tuning formats: rows left out
 * because they have no answer.
 */
export type ExportWriter = (
  rows: AsyncIterable<ExportRow>,
  out: NodeJS.WritableStream,
) => Promise<{ readonly count: number; readonly skipped?: number }>;

export interface ExportFormatSpec {
  readonly writer: ExportWriter;
  /** File extension (for datasetFileName and zip entries). */
  readonly extension: 'jsonl' | 'parquet';
  readonly contentType: string;
}

export const FORMAT_WRITERS: Readonly<Record<ExportFormat, ExportFormatSpec>> = {
  jsonl: { writer: writeJsonl, extension: 'jsonl', contentType: contentTypeFor('jsonl') },
  parquet: { writer: writeParquet, extension: 'parquet', contentType: contentTypeFor('parquet') },
  alpaca: { writer: writeAlpaca, extension: 'jsonl', contentType: contentTypeFor('jsonl') },
  sharegpt: { writer: writeShareGpt, extension: 'jsonl', contentType: contentTypeFor('jsonl') },
  openai: { writer: writeOpenAiChat, extension: 'jsonl', contentType: contentTypeFor('jsonl') },
};

export const isExportFormat = (value: unknown): value is ExportFormat =>
  typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
