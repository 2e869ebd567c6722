import { runInWorker, type WorkerLimits } from './run-in-worker';

export const DEFAULT_DOCX_WORKER_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 512 };

/** Runs in a worker thread, as CommonJS: mammoth to semantic HTML, images dropped (their bytes are never read). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const mammoth = require(workerData.mammothPath);
mammoth
  .convertToHtml(
    { buffer: Buffer.from(workerData.data.buffer, workerData.data.byteOffset, workerData.data.byteLength) },
    { styleMap: workerData.styleMap, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  )
  .then(
    (result) => parentPort.postMessage({ ok: true, value: result.value }),
    (error) => parentPort.postMessage({ ok: false, name: (error && error.name) || 'Error', message: String((error && error.message) || error) }),
  );
`;

/** mammoth's HTML for a DOCX, converted in a worker thread under `limits`; rejects with WorkerRunError. */
export const docxToHtml = (content: Buffer, styleMap: readonly string[], limits: WorkerLimits): Promise<string> => {
  const data = new Uint8Array(content); // a copy: the caller's buffer stays theirs
  return runInWorker<string>(WORKER_SOURCE, { mammothPath: require.resolve('mammoth'), data, styleMap }, [data.buffer], limits);
};
