import { Lexer, type Tokens } from 'marked';
import { stripInlineMarkdown } from '../text/inline-markdown';

/** A run of source text under one heading (or before the first heading), heading line included. */
export interface Section {
  readonly start: number;
  readonly end: number;
  readonly heading: string | null;
  readonly headingPath: readonly string[];
  /** True when the section holds nothing but its heading line. */
  readonly headingOnly: boolean;
}

/**
 * Splits Markdown at top-level heading tokens from marked's lexer, so "#" lines inside code fences or block
 * quotes are not headings. Offsets come from the tokens' raw text, which concatenates back to the source.
 */
export const markdownSections = (text: string): Section[] => {
  const sections: Section[] = [];
  const path: { depth: number; text: string }[] = [];
  let cursor = 0;
  let current = { start: 0, bodyStart: 0, heading: null as string | null, headingPath: [] as string[] };
  const close = (end: number): void => {
    if (end > current.start) {
      const headingOnly = text.slice(current.bodyStart, end).trim() === '';
      sections.push({ start: current.start, end, heading: current.heading, headingPath: current.headingPath, headingOnly });
    }
  };
  // Block tokens only: headings are block-level, and the inline pass `marked.lexer` adds took three times as long.
  for (const token of new Lexer().blockTokens(text)) {
    const found = text.startsWith(token.raw, cursor) ? cursor : text.indexOf(token.raw, cursor);
    const start = found < 0 ? cursor : found;
    cursor = start + token.raw.length;
    if (token.type !== 'heading') continue;
    const heading = token as Tokens.Heading;
    close(start);
    while (path.length > 0 && path[path.length - 1].depth >= heading.depth) path.pop();
    path.push({ depth: heading.depth, text: stripInlineMarkdown(heading.text) });
    current = { start, bodyStart: cursor, heading: path[path.length - 1].text, headingPath: path.map((p) => p.text) };
  }
  close(text.length);
  return sections;
};
