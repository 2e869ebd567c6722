import { SPLITS } from '@compileo/domain';
import { contentTypeFor, datasetFileName, writeJsonl, writeParquet, writeZip, type ExportRow } from '@compileo/export';
import { SQL_CLIENT, type SqlClient } from '@compileo/event-store';
import { CLOCK, type Clock } from '@compileo/platform';
import { splitCounts, streamEntries, type DatasetRow } from '@compileo/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Writable } from 'node:stream';
import { exportRows } from './export-rows';

type Writer = (rows: AsyncIterable<ExportRow>, out: Writable) => Promise<{ readonly count: number }>;
const WRITERS: Record<DatasetRow['format_type'], Writer> = { jsonl: writeJsonl, parquet: writeParquet };

/**
 * Streams a dataset as one file in its format, or, when it has evaluation splits, as a ZIP of one file per
 * split plus a manifest. Rows come from the read model a page at a time, so memory stays flat.
 */
@Injectable()
export class DatasetDownloadService {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(dataset: DatasetRow, res: Response): Promise<void> {
    const ext = dataset.format_type;
    const write = WRITERS[ext];
    const rows = (split: string | null) => exportRows(streamEntries(this.sql, dataset.id, split));
    if (!dataset.has_splits) {
      this.headers(res, datasetFileName(dataset.name, dataset.version, ext), contentTypeFor(ext));
      await write(rows(null), res);
      res.end();
      return;
    }
    const base = datasetFileName(dataset.name, dataset.version, ext).replace(/\.[^.]+$/, '');
    const files = SPLITS.map((split) => ({ name: `${base}_${split}.${ext}`, write: (out: Writable) => write(rows(split), out) }));
    const manifest = {
      dataset_id: dataset.id,
      name: dataset.name,
      version: dataset.version,
      format: ext,
      model: dataset.model,
      created_at: dataset.created_at,
      exported_at: this.clock.now().toISOString(),
      total_entries: dataset.total_entries,
      splits: await splitCounts(this.sql, dataset.id),
    };
    this.headers(res, `${base}.zip`, contentTypeFor('zip'));
    await writeZip(files, manifest, res);
  }

  private headers(res: Response, fileName: string, contentType: string): void {
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  }
}
