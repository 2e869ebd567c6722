export type ExportExtension = 'jsonl' | 'parquet' | 'zip';

const CONTENT_TYPES: Readonly<Record<ExportExtension, string>> = {
  jsonl: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
  zip: 'application/zip',
};

/**
 * `{safe_name}_v{version}.{ext}`. The name ends up in a Content-Disposition header and in zip entry names,
 * so anything outside [A-Za-z0-9._-] (separators, quotes, control characters) collapses to a single `_`.
 */
export function datasetFileName(datasetName: string, version: string | number, ext: string): string {
  return `${sanitizeFileNamePart(datasetName)}_v${sanitizeFileNamePart(String(version))}.${sanitizeFileNamePart(ext)}`;
}

/**
 * Drops accents first (so "Données" stays readable as "Donnees"), then collapses runs of disallowed
 * characters to `_`; a name of only dots would mean "this/parent directory", so it becomes `_`.
 */
export function sanitizeFileNamePart(part: string): string {
  const safe = part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return safe === '' || /^\.+$/.test(safe) ? '_' : safe;
}

export function contentTypeFor(ext: ExportExtension): string {
  return CONTENT_TYPES[ext];
}
