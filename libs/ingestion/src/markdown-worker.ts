import type * as Mammoth from 'mammoth';
import type * as HtmlParser from 'node-html-parser';
import type TurndownService from 'turndown';
import type * as WorkerThreads from 'node:worker_threads';
import { runInWorker, type WorkerLimits } from './run-in-worker';

/** What becomes Markdown: an HTML page (already decoded) or a DOCX file (mammoth's semantic HTML first). */
export type MarkdownSource =
  | { readonly kind: 'html'; readonly html: string }
  | { readonly kind: 'docx'; readonly data: Uint8Array; readonly styleMap: readonly string[] };

/** The body as Markdown, and for a page its `<title>` and whether the body has its own h1. */
export interface MarkdownOutput {
  readonly text: string;
  readonly title: string;
  readonly hasH1: boolean;
}

interface Paths {
  readonly mammoth: string;
  readonly nodeHtmlParser: string;
  readonly turndown: string;
}

/**
 * The worker thread's program. It is serialised with `toString()` and evaluated in the worker, so it uses
 * nothing from this module's scope: its libraries come by the paths in `workerData`.
 */
function workerMain(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- the worker loads its libraries by path at run time */
  const threads = require('node:worker_threads') as typeof WorkerThreads;
  const { paths, source } = threads.workerData as { paths: Paths; source: MarkdownSource };
  const Turndown = require(paths.turndown) as typeof TurndownService;
  const { parse } = require(paths.nodeHtmlParser) as typeof HtmlParser;
  /* eslint-enable @typescript-eslint/no-require-imports */

  // Page furniture and code, not content.
  const DROPPED = 'script, style, noscript, template, iframe, object, embed, svg, canvas, nav';
  // Characters at the start of a text run that the chunker's Markdown lexer would read as a heading.
  const HEADING_LOOKALIKES: [RegExp, string][] = [
    [/^(#{1,6})([ \t]|$)/, '\\$1$2'],
    [/^(=+|-+)([ \t]*)$/, '\\$1$2'],
  ];
  const turndown = new Turndown({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  turndown.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'nav', 'head']);
  // Dataset text: keep link text, drop the URL; keep an image's alt text, drop the image (mammoth inlines them as data: URLs).
  turndown.addRule('linkText', { filter: 'a', replacement: (content) => content });
  turndown.addRule('imageAlt', {
    filter: 'img',
    replacement: (_content, node) => (node as unknown as { getAttribute(name: string): string | null }).getAttribute('alt')?.trim() ?? '',
  });
  // Core turndown has no tables: write each row on one line with cells between pipes.
  turndown.addRule('tableCell', { filter: ['th', 'td'], replacement: (content) => ` ${content.replace(/\s+/g, ' ').trim()} |` });
  turndown.addRule('tableRow', { filter: 'tr', replacement: (content) => `\n|${content}\n` });
  turndown.addRule('tableSection', { filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });
  turndown.addRule('table', { filter: 'table', replacement: (content) => `\n\n${content.trim()}\n\n` });
  // Turndown escapes every Markdown character by default, and the escapes would end up in chunk text; only
  // escape what would turn body text into a heading.
  turndown.escape = (text: string) => HEADING_LOOKALIKES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

  const toMarkdown = (html: string): string =>
    turndown
      .turndown(html)
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();

  const fromPage = (html: string): MarkdownOutput => {
    const root = parse(html, { comment: false });
    for (const element of root.querySelectorAll(DROPPED)) element.remove();
    const title = root.querySelector('title')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    const body = root.querySelector('body') ?? root;
    for (const element of body.querySelectorAll('head, title')) element.remove();
    return { text: toMarkdown(body.innerHTML), title, hasH1: body.querySelector('h1') !== null };
  };

  const fromDocx = async (data: Uint8Array, styleMap: readonly string[]): Promise<MarkdownOutput> => {
    const mammoth = require(paths.mammoth) as typeof Mammoth; // eslint-disable-line @typescript-eslint/no-require-imports
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      // Images are dropped: their bytes are never read.
      { styleMap: [...styleMap], convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    return { text: toMarkdown(value), title: '', hasH1: false };
  };

  const describe = (error: unknown) => ({
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
  });
  (source.kind === 'html' ? Promise.resolve().then(() => fromPage(source.html)) : fromDocx(source.data, source.styleMap)).then(
    (value) => threads.parentPort!.postMessage({ ok: true, value }),
    (error: unknown) => threads.parentPort!.postMessage({ ok: false, ...describe(error) }),
  );
}

const WORKER_SOURCE = `(${workerMain.toString()})();`;

/**
 * HTML or DOCX to Markdown with ATX headings (# / ##), in a short-lived worker thread under `limits`: parsing a
 * large page or document takes seconds and memory that the process answering requests must not give; a file
 * that needs more is stopped there. Rejects with WorkerRunError.
 */
export const toMarkdownInWorker = (source: MarkdownSource, limits: WorkerLimits): Promise<MarkdownOutput> => {
  const paths: Paths = {
    mammoth: require.resolve('mammoth'),
    nodeHtmlParser: require.resolve('node-html-parser'),
    turndown: require.resolve('turndown'),
  };
  // A copy of a DOCX's bytes moves to the worker: the caller's buffer stays theirs.
  const data = source.kind === 'docx' ? new Uint8Array(source.data) : null;
  return runInWorker<MarkdownOutput>(
    WORKER_SOURCE,
    { paths, source: data ? { ...source, data } : source },
    data ? [data.buffer] : [],
    limits,
  );
};
