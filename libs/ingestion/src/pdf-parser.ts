import type { PageRange, ParsedDocument } from './parsed-document';
import { DEFAULT_PDF_LIMITS, extractPdfPages, type PdfPageText } from './pdf-text-worker';
import { WorkerRunError, type WorkerLimits } from './run-in-worker';
import { reason, unreadable } from './unreadable';

const PAGE_SEPARATOR = '\n\n';

/** One page's text tidied: "\n" line endings, no trailing spaces, at most one blank line in a row. */
const tidyPage = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * Joins page texts with blank lines and records each page's [start, end) in the result. A page without text
 * (a scanned image, a blank page) gets an empty range where it falls and adds no separator.
 */
export const joinPages = (pageTexts: readonly { page: number; text: string }[]): { text: string; pages: PageRange[] } => {
  let text = '';
  const pages: PageRange[] = [];
  for (const { page, text: raw } of pageTexts) {
    const body = tidyPage(raw);
    if (body && text) text += PAGE_SEPARATOR;
    const start = text.length;
    text += body;
    pages.push({ page, start, end: text.length });
  }
  return { text, pages };
};

/**
 * PDF via pdf-parse (pdf.js), in a worker thread: page text joined by blank lines, page ranges recorded. pdf-parse
 * gives no font sizes, so no lines are promoted to headings; the chunker splits the text by paragraph and sentence.
 * A file pdf.js cannot read (corrupt, encrypted, too big to parse) is a ValidationError; a parser that cannot start
 * is a plain Error (a 500: the server's fault, not the upload's).
 */
export const parsePdf = async (
  fileName: string,
  content: Buffer,
  contentType: string,
  limits: WorkerLimits = DEFAULT_PDF_LIMITS,
): Promise<ParsedDocument> => {
  let pageTexts: readonly PdfPageText[];
  try {
    pageTexts = await extractPdfPages(content, limits);
  } catch (error) {
    if (error instanceof WorkerRunError && error.kind !== 'setup') {
      throw unreadable(`${fileName} could not be read as a PDF: ${reason(error)}`);
    }
    throw error;
  }
  const { text, pages } = joinPages(pageTexts);
  if (!text) throw unreadable(`${fileName} has no extractable text (a scanned PDF needs OCR first)`);
  return { markdown: text, contentType, pages };
};
