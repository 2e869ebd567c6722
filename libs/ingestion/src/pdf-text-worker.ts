import { Worker } from 'node:worker_threads';

/** Text of one PDF page as pdf.js lays it out, lines separated by "\n". */
export interface PdfPageText {
  readonly page: number;
  readonly text: string;
}

/** What went wrong reading a PDF: the file's fault (`file`), or the parser could not run at all (`setup`). */
export class PdfReadError extends Error {
  constructor(
    readonly kind: 'file' | 'setup',
    message: string,
  ) {
    super(message);
    this.name = 'PdfReadError';
  }
}

export interface PdfWorkerLimits {
  /**
   * Longest wait for the next batch of pages: a long PDF keeps its worker while pages keep coming (a 20,000-page
   * file is not refused because it is long), a page pdf.js is stuck on is stopped.
   */
  readonly timeoutMs: number;
  /** V8 old-generation heap cap for the worker. */
  readonly maxHeapMb: number;
}

export const DEFAULT_PDF_LIMITS: PdfWorkerLimits = { timeoutMs: 60_000, maxHeapMb: 512 };

/**
 * Runs in a worker thread, as CommonJS. pdf-parse (pdf.js) loads its own ES-module worker with import() in there,
 * outside any test sandbox. Errors from reading the document are the file's; anything before that is setup.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const describe = (error) => ({ name: (error && error.name) || 'Error', message: String((error && error.message) || error) });
const SETUP = /fake worker|Cannot find module|is not a constructor/i;
(async () => {
  let PDFParse;
  try {
    ({ PDFParse } = require(workerData.pdfParsePath));
  } catch (error) {
    parentPort.postMessage({ ok: false, kind: 'setup', ...describe(error) });
    return;
  }
  const parser = new PDFParse({ data: workerData.data, verbosity: 0 });
  try {
    const pages = [];
    for (let first = 1, total = 1; first <= total; first += workerData.batch) {
      const result = await parser.getText({ pageJoiner: '', first, last: first + workerData.batch - 1 });
      total = result.total;
      for (const p of result.pages) pages.push({ page: p.num, text: p.text });
      parentPort.postMessage({ progress: pages.length });
    }
    parentPort.postMessage({ ok: true, pages });
  } catch (error) {
    const found = describe(error);
    parentPort.postMessage({ ok: false, kind: SETUP.test(found.message) ? 'setup' : 'file', ...found });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
})();
`;

/** Pages read per batch; the worker reports after each. */
const PAGE_BATCH = 100;

type WorkerReply =
  { progress: number } | { ok: true; pages: PdfPageText[] } | { ok: false; kind: 'file' | 'setup'; name: string; message: string };

/**
 * Extracts per-page text with pdf-parse in a short-lived worker thread, so a large or hostile PDF neither blocks
 * the event loop nor takes the process's memory: it is stopped when a batch of pages takes longer than
 * `timeoutMs`, or at `maxHeapMb`.
 */
export const extractPdfPages = (content: Buffer, limits: PdfWorkerLimits = DEFAULT_PDF_LIMITS): Promise<PdfPageText[]> =>
  new Promise((resolve, reject) => {
    const data = new Uint8Array(content); // a copy: the caller's buffer stays theirs
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pdfParsePath: require.resolve('pdf-parse'), data, batch: PAGE_BATCH },
      transferList: [data.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const stalled = () =>
      finish(() => reject(new PdfReadError('file', `took longer than ${Math.round(limits.timeoutMs / 1000)} s to read`)));
    let timer = setTimeout(stalled, limits.timeoutMs);
    worker.on('message', (reply: WorkerReply) => {
      if ('progress' in reply) {
        clearTimeout(timer);
        timer = setTimeout(stalled, limits.timeoutMs);
        return;
      }
      finish(() => (reply.ok ? resolve(reply.pages) : reject(new PdfReadError(reply.kind, `${reply.name}: ${reply.message}`))));
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new PdfReadError('file', `needs more than ${limits.maxHeapMb} MB to read`)
            : new PdfReadError('setup', `PDF worker failed: ${error.message}`),
        ),
      ),
    );
    worker.on('exit', (code) => finish(() => reject(new PdfReadError('setup', `PDF worker exited with code ${code} before replying`))));
  });
