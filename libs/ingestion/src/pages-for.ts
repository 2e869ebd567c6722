import type { ParsedDocument } from './parsed-document';

/**
 * The pages a chunk [start, end) of `ParsedDocument.markdown` covers, or null for unpaged documents.
 * Offsets in the blank lines between pages count towards the next page (for the start) and the previous page
 * (for the end), so a trimmed chunk reports only the pages whose text it holds.
 */
export const pagesFor = (pages: ParsedDocument['pages'], start: number, end: number): { page_start: number; page_end: number } | null => {
  if (!pages || pages.length === 0) return null;
  const last = Math.max(end, start + 1);
  const first = pages.find((p) => p.end > start) ?? pages[pages.length - 1];
  const final = [...pages].reverse().find((p) => p.start < last) ?? pages[0];
  return { page_start: first.page, page_end: Math.max(first.page, final.page) };
};
