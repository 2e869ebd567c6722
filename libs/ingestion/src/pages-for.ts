import type { ParsedDocument } from './parsed-document';

/** Index of the first page in sorted `pages` for which `after(page)` holds (binary search: a 20,000-page PDF's chunks cost log n each). */
const firstWhere = (pages: NonNullable<ParsedDocument['pages']>, after: (p: { start: number; end: number }) => boolean): number => {
  let lo = 0;
  let hi = pages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(pages[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

/**
 * The pages a chunk [start, end) of `ParsedDocument.markdown` covers, or null for unpaged documents.
 * Offsets in the blank lines between pages count towards the next page (for the start) and the previous page
 * (for the end), so a trimmed chunk reports only the pages whose text it holds.
 */
export const pagesFor = (pages: ParsedDocument['pages'], start: number, end: number): { page_start: number; page_end: number } | null => {
  if (!pages || pages.length === 0) return null;
  const last = Math.max(end, start + 1);
  // Page ranges are in document order and never overlap, so both `end` and `start` ascend with the index.
  const first = pages[firstWhere(pages, (p) => p.end > start)] ?? pages[pages.length - 1];
  const final = pages[firstWhere(pages, (p) => p.start >= last) - 1] ?? pages[0];
  return { page_start: first.page, page_end: Math.max(first.page, final.page) };
};
