import { FORMAT_WRITERS, type ExportFormat } from './export-formats';
import { datasetFileName } from './file-names';

/** The files a dataset exports as: one, or one per split (a download then zips them with a manifest). */
export interface DatasetFilePlan {
  /** The download's ZIP name when there are splits; null for a single file. */
  readonly archive: string | null;
  readonly files: readonly { readonly name: string; readonly split: string | null }[];
}

/**
 * Names the files of a dataset in `format`: the native formats keep the contract's `{name}_v{version}.{ext}`,
 * the fine-tuning ones say so (`{name}_{format}_v…`); with splits, `…_{split}.{ext}` per split.
 */
export const datasetFilePlan = (
  dataset: { readonly name: string; readonly version: string },
  format: ExportFormat,
  splits: readonly string[] | null,
): DatasetFilePlan => {
  const { extension } = FORMAT_WRITERS[format];
  const native = format === 'jsonl' || format === 'parquet';
  const base = datasetFileName(native ? dataset.name : `${dataset.name}_${format}`, dataset.version, extension).replace(/\.[^.]+$/, '');
  return splits === null
    ? { archive: null, files: [{ name: `${base}.${extension}`, split: null }] }
    : { archive: `${base}.zip`, files: splits.map((split) => ({ name: `${base}_${split}.${extension}`, split })) };
};
