import { decodeUtf8 } from './decode-text';
import type { ParsedDocument } from './parsed-document';

/** Markdown and plain text: strict UTF-8, BOM dropped, text kept as written (Markdown headings stay headings). */
export const parseText = (fileName: string, content: Buffer, contentType: string): ParsedDocument => ({
  markdown: decodeUtf8(fileName, content),
  contentType,
  pages: null,
});
