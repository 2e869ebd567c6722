/** One dataset entry as it leaves the service; the shape shared by every export format. */
export interface ExportRow {
  readonly id: string;
  readonly question: string | null;
  readonly answer: string | null;
  readonly category: string | null;
  readonly quality_score: number | null;
  readonly difficulty: string | null;
  readonly source_chunk: string;
  readonly split: string | null;
  readonly version: number;
  /** An object in JSONL; a JSON string column in Parquet (readers without nested-type support still open it). */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Column order used by every format, so JSONL keys and Parquet columns line up. */
export const EXPORT_COLUMNS = [
  'id',
  'question',
  'answer',
  'category',
  'quality_score',
  'difficulty',
  'source_chunk',
  'split',
  'version',
  'metadata',
] as const satisfies readonly (keyof ExportRow)[];

/** The row's columns only, in EXPORT_COLUMNS order: an object carrying extra fields must not leak them. */
export const exportColumns = (row: ExportRow): ExportRow =>
  Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, row[column]])) as unknown as ExportRow;
