import type { ArchiveLimits } from './archive-limits';
import { parseDocx } from './docx-parser';
import { parseHtml } from './html-parser';
import type { ParsedDocument } from './parsed-document';
import { parsePdf } from './pdf-parser';
import { formatOf, SUPPORTED_EXTENSIONS } from './supported-types';
import { parseText } from './text-parser';
import { unreadable } from './unreadable';
import { extname } from 'node:path';

/**
 * Turns an uploaded file into Markdown for the chunker. Throws ValidationError (field "files", naming the file) for
 * an unsupported type, an empty file, non-UTF-8 text or a file its parser cannot read; never a bare parser error.
 * An archive over `options.archive`, or a file its parser worker runs out of memory on, is a PayloadTooLargeError.
 */
export const parseDocument = async (fileName: string, content: Buffer, options: ParseOptions = {}): Promise<ParsedDocument> => {
  const type = formatOf(fileName);
  if (!type) {
    throw unreadable(`unsupported file type '${extname(fileName) || fileName}'; supported: ${SUPPORTED_EXTENSIONS.join(', ')}`);
  }
  if (content.length === 0) throw unreadable(`${fileName} is empty`);
  const parsed = await parseAs(type.format, fileName, content, type.contentType, options);
  if (!parsed.markdown.trim()) throw unreadable(`${fileName} is empty`);
  // NUL characters carry no text and the event log (jsonb) cannot store them; page ranges shift with them.
  return parsed.markdown.includes('\u0000') ? withoutNul(parsed) : parsed;
};

export interface ParseOptions {
  readonly archive?: ArchiveLimits;
}

const parseAs = (
  format: NonNullable<ReturnType<typeof formatOf>>['format'],
  fileName: string,
  content: Buffer,
  contentType: string,
  options: ParseOptions,
) => {
  switch (format) {
    case 'markdown':
    case 'text':
      return parseText(fileName, content, contentType);
    case 'pdf':
      return parsePdf(fileName, content, contentType);
    case 'docx':
      return parseDocx(fileName, content, contentType, options.archive);
    case 'html':
      return parseHtml(fileName, content, contentType);
  }
};

const withoutNul = (parsed: ParsedDocument): ParsedDocument => {
  const removedBefore = (offset: number): number => parsed.markdown.slice(0, offset).split('\u0000').length - 1;
  return {
    ...parsed,
    markdown: parsed.markdown.replaceAll('\u0000', ''),
    pages: parsed.pages?.map((p) => ({ ...p, start: p.start - removedBefore(p.start), end: p.end - removedBefore(p.end) })) ?? null,
  };
};
