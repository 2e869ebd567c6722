import { resolveChunkOptions, type ChunkOptions } from './chunk-options';
import { markdownSections, type Section } from './markdown-sections';
import { mergeSections } from './merge-sections';
import { splitLongText } from './split-long-text';
import { trimSpan } from '../text/sentences';
import { runInSlices, runToEnd, type Sliced } from '../slicing/sliced';

export interface TextChunk {
  readonly index: number;
  readonly text: string;
  /** The nearest heading above the chunk; null for plain text and for text before the first heading. */
  readonly heading: string | null;
  /** Headings from the top level down to `heading`. */
  readonly headingPath: readonly string[];
  /** Offsets into the document with line endings normalised to "\n"; text === normalised.slice(start, end). */
  readonly startOffset: number;
  readonly endOffset: number;
  readonly charCount: number;
}

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;

/** Sections smaller than this (characters, capped at a quarter of the chunk size) merge with their neighbours. */
const TINY_SECTION = 200;

/**
 * Splits a parsed document into chunks: Markdown by heading sections (then by paragraph and sentence inside
 * long sections), anything else by paragraph and sentence. No chunk is longer than chunkSize or blank.
 */
export const chunkDocument = (text: string, fileName: string, options?: ChunkOptions): TextChunk[] =>
  runToEnd(chunkSteps(text, fileName, options));

/** `chunkDocument` in slices: an upload of megabytes takes hundreds of milliseconds to chunk, which must not hold the event loop. */
export const chunkDocumentSliced = (text: string, fileName: string, options?: ChunkOptions): Promise<TextChunk[]> =>
  runInSlices(chunkSteps(text, fileName, options));

function* chunkSteps(text: string, fileName: string, options?: ChunkOptions): Sliced<TextChunk[]> {
  const { chunkSize, chunkOverlap } = resolveChunkOptions(options);
  const source = text.replace(/\r\n?/g, '\n');
  const sections: Section[] = MARKDOWN_FILE.test(fileName)
    ? mergeSections(markdownSections(source), chunkSize, Math.min(TINY_SECTION, Math.floor(chunkSize / 4)))
    : [{ start: 0, end: source.length, heading: null, headingPath: [], headingOnly: false }];
  const chunks: TextChunk[] = [];
  for (const section of sections) {
    for (const span of yield* splitLongText(source, section.start, section.end, chunkSize, chunkOverlap)) {
      const core = trimSpan(source, span.start, span.end);
      if (core.text === '') continue;
      chunks.push({
        index: chunks.length,
        text: core.text,
        heading: section.heading,
        headingPath: section.headingPath,
        startOffset: core.start,
        endOffset: core.end,
        charCount: core.text.length,
      });
    }
  }
  return chunks;
}
