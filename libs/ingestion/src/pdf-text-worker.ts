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
  /** Wall-clock limit for one file. */
  readonly timeoutMs: number;
  /** V8 old-generation heap cap for the worker. */
  readonly maxHeapMb: number;
}

export const DEFAULT_PDF_LIMITS: PdfWorkerLimits = { timeoutMs: 60_000, maxHeapMb: 512 };

/** Reading time allowed per MB of PDF on top of the base: pdf.js took about 3.5 s per MB of dense text here. */
export const PDF_TIMEOUT_MS_PER_MB = 10_000;

/**
 * Limits for one PDF of `bytes`: pdf.js's time grows linearly with the pages, so the timeout does too (a
 * 20,000-page, 20 MB PDF gets 260 s instead of being refused at 60 s). The event loop is free meanwhile.
 */
export const pdfLimitsFor = (bytes: number, base: PdfWorkerLimits = DEFAULT_PDF_LIMITS): PdfWorkerLimits => ({
  ...base,
  timeoutMs: base.timeoutMs + Math.ceil((bytes / (1024 * 1024)) * PDF_TIMEOUT_MS_PER_MB),
});

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
    const result = await parser.getText({ pageJoiner: '' });
    parentPort.postMessage({ ok: true, pages: result.pages.map((p) => ({ page: p.num, text: p.text })) });
  } catch (error) {
    const found = describe(error);
    parentPort.postMessage({ ok: false, kind: SETUP.test(found.message) ? 'setup' : 'file', ...found });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
})();
`;

type WorkerReply = { ok: true; pages: PdfPageText[] } | { ok: false; kind: 'file' | 'setup'; name: string; message: string };

/**
 * Extracts per-page text with pdf-parse in a short-lived worker thread, so a large or hostile PDF neither blocks
 * the event loop nor takes the process's memory: it is stopped at `timeoutMs` or `maxHeapMb`.
 */
export const extractPdfPages = (content: Buffer, limits: PdfWorkerLimits = DEFAULT_PDF_LIMITS): Promise<PdfPageText[]> =>
  new Promise((resolve, reject) => {
    const data = new Uint8Array(content); // a copy: the caller's buffer stays theirs
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pdfParsePath: require.resolve('pdf-parse'), data },
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
    const timer = setTimeout(
      () => finish(() => reject(new PdfReadError('file', `took longer than ${Math.round(limits.timeoutMs / 1000)} s to read`))),
      limits.timeoutMs,
    );
    worker.on('message', (reply: WorkerReply) =>
      finish(() => (reply.ok ? resolve(reply.pages) : reject(new PdfReadError(reply.kind, `${reply.name}: ${reply.message}`)))),
    );
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
