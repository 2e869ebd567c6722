import { runInWorker, type WorkerLimits } from './run-in-worker';

/** Text of one PDF page as pdf.js lays it out, lines separated by "\n". */
export interface PdfPageText {
  readonly page: number;
  readonly text: string;
}

export const DEFAULT_PDF_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 512 };

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
    parentPort.postMessage({ ok: true, value: pages });
  } catch (error) {
    const found = describe(error);
    parentPort.postMessage({ ok: false, ...(SETUP.test(found.message) ? { kind: 'setup' } : {}), ...found });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
})();
`;

/** Pages read per batch; the worker reports after each. */
const PAGE_BATCH = 100;

/**
 * Extracts per-page text with pdf-parse in a short-lived worker thread, so a large or hostile PDF neither blocks
 * the event loop nor takes the process's memory: it is stopped when a batch of pages takes longer than
 * `timeoutMs`, or at `maxHeapMb`. Rejects with WorkerRunError (`setup` when pdf.js could not start).
 */
export const extractPdfPages = (content: Buffer, limits: WorkerLimits = DEFAULT_PDF_LIMITS): Promise<PdfPageText[]> => {
  const data = new Uint8Array(content); // a copy: the caller's buffer stays theirs
  return runInWorker<PdfPageText[]>(
    WORKER_SOURCE,
    { pdfParsePath: require.resolve('pdf-parse'), data, batch: PAGE_BATCH },
    [data.buffer],
    limits,
  );
};
