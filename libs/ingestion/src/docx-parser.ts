import { PayloadTooLargeError } from '@compileo/domain';
import { checkArchive, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits';
import { toMarkdownInWorker } from './markdown-worker';
import type { ParsedDocument } from './parsed-document';
import { WorkerRunError, type WorkerLimits } from './run-in-worker';

export const DEFAULT_DOCX_WORKER_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 512 };
import { FILES_FIELD, reason, unreadable } from './unreadable';

/** Word's built-in title style becomes a top heading too; headings 1-6 map by mammoth's default style map. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/**
 * DOCX via mammoth (semantic HTML: Heading 1/2 → h1/h2), then turndown to Markdown (h1/h2 → #/##). The archive's
 * declared size and entry count are checked first; both run in a worker with a heap cap, so a file that
 * needs more memory than that is a 413 and the service stays up. A file mammoth cannot read is a 400.
 */
export const parseDocx = async (
  fileName: string,
  content: Buffer,
  contentType: string,
  archive: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
  worker: WorkerLimits = DEFAULT_DOCX_WORKER_LIMITS,
): Promise<ParsedDocument> => {
  checkArchive(fileName, content, archive);
  let markdown: string;
  try {
    ({ text: markdown } = await toMarkdownInWorker({ kind: 'docx', data: content, styleMap: STYLE_MAP }, worker));
  } catch (error) {
    if (error instanceof WorkerRunError && error.kind === 'memory') {
      throw new PayloadTooLargeError(`${fileName} ${error.message} (the DOCX parser's ${worker.maxHeapMb} MB heap limit)`, FILES_FIELD);
    }
    if (error instanceof WorkerRunError && error.kind === 'setup') throw error;
    throw unreadable(`${fileName} could not be read as a DOCX document: ${reason(error)}`);
  }
  if (!markdown) throw unreadable(`${fileName} is empty`);
  return { markdown, contentType, pages: null };
};
