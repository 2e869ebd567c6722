import { PayloadTooLargeError } from '@compileo/domain';
import { decodeHtml } from './decode-text';
import { toMarkdownInWorker } from './markdown-worker';
import type { ParsedDocument } from './parsed-document';
import { WorkerRunError, type WorkerLimits } from './run-in-worker';
import { FILES_FIELD, reason, unreadable } from './unreadable';

export const DEFAULT_HTML_WORKER_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 1024 };

/**
 * HTML: scripts, styles and navigation dropped, body to Markdown (in a worker thread: a large page takes seconds);
 * the <title> becomes the # heading when there is no h1.
 */
export const parseHtml = async (
  fileName: string,
  content: Buffer,
  contentType: string,
  worker: WorkerLimits = DEFAULT_HTML_WORKER_LIMITS,
): Promise<ParsedDocument> => {
  const html = decodeHtml(fileName, content);
  let page;
  try {
    page = await toMarkdownInWorker({ kind: 'html', html }, worker);
  } catch (error) {
    if (error instanceof WorkerRunError && error.kind === 'memory') {
      throw new PayloadTooLargeError(`${fileName} ${error.message} (the HTML parser's ${worker.maxHeapMb} MB heap limit)`, FILES_FIELD);
    }
    if (error instanceof WorkerRunError && error.kind === 'setup') throw error;
    throw unreadable(`${fileName} could not be read as HTML: ${reason(error)}`);
  }
  if (!page.text) throw unreadable(`${fileName} has no text`);
  const markdown = page.title && !page.hasH1 ? `# ${page.title}\n\n${page.text}` : page.text;
  return { markdown, contentType, pages: null };
};
