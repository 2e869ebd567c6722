/** One page's span of `ParsedDocument.markdown`: [start, end) character offsets, 1-based page number. */
export interface PageRange {
  readonly page: number;
  readonly start: number;
  readonly end: number;
}

/** An uploaded file turned into text the heading-aware chunker takes. */
export interface ParsedDocument {
  /** Markdown text (headings as #, ##) that the existing heading-aware chunker takes. Line endings are "\n". */
  readonly markdown: string;
  readonly contentType: string;
  /** For paged formats: character ranges of `markdown` per page (1-based page numbers). */
  readonly pages: readonly PageRange[] | null;
}
