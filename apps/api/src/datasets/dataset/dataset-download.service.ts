import { SPLITS } from '@compileo/domain';
import { contentTypeFor, datasetFilePlan, FORMAT_WRITERS, writeZip, type ExportFormat } from '@compileo/export';
import { CLOCK, type Clock } from '@compileo/platform';
import { DatasetsQueries, EntriesQueries, type DatasetRow } from '@compileo/read-models';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { Writable } from 'node:stream';
import { exportRows } from './export-rows';

const ABORT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED']);

/** The client went away mid-download (closed the socket, cancelled, timed out): not a server error. */
const clientAborted = (res: Response, error: unknown): boolean => {
  const e = error as { code?: string; message?: string } | null;
  return res.destroyed || !!res.socket?.destroyed || ABORT_CODES.has(e?.code ?? '') || e?.message === 'aborted';
};

/**
 * Streams a dataset as one file in the requested format (its `format_type` by default), or, when it has
 * evaluation splits, as a ZIP of one file per split plus a manifest. Rows come from the read model a page
 * at a time, so memory stays flat whatever the size.
 */
@Injectable()
export class DatasetDownloadService {
  private readonly logger = new Logger('Downloads');

  constructor(
    private readonly datasets: DatasetsQueries,
    private readonly entries: EntriesQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A client that aborts the download is logged at debug, not raised: there is no one left to answer. */
  async send(dataset: DatasetRow, format: ExportFormat | undefined, res: Response): Promise<void> {
    try {
      await this.stream(dataset, format, res);
    } catch (error) {
      if (!clientAborted(res, error)) throw error;
      this.logger.debug(
        `download of dataset ${dataset.id} aborted by the client (${error instanceof Error ? error.message : String(error)})`,
      );
      res.destroy();
    }
  }

  private async stream(dataset: DatasetRow, format: ExportFormat | undefined, res: Response): Promise<void> {
    const chosen = format ?? dataset.format_type;
    const { writer, contentType } = FORMAT_WRITERS[chosen];
    const rows = (split: string | null) => exportRows(this.entries.stream(dataset.id, split));
    const plan = datasetFilePlan(dataset, chosen, dataset.has_splits ? SPLITS : null);
    if (plan.archive === null) {
      this.headers(res, plan.files[0].name, contentType);
      await writer(rows(null), res);
      res.end();
      return;
    }
    const files = plan.files.map(({ name, split }) => ({ name, write: (out: Writable) => writer(rows(split), out) }));
    const manifest = {
      dataset_id: dataset.id,
      name: dataset.name,
      version: dataset.version,
      format: chosen,
      model: dataset.model,
      created_at: dataset.created_at,
      exported_at: this.clock.now().toISOString(),
      total_entries: dataset.total_entries,
      splits: await this.datasets.splitCounts(dataset),
      stream_revision: Number(dataset.revision),
      log_position: dataset.log_position,
    };
    this.headers(res, plan.archive, contentTypeFor('zip'));
    await writeZip(files, manifest, res);
  }

  private headers(res: Response, fileName: string, contentType: string): void {
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  }
}
