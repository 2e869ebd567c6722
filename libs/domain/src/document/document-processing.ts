/**
 * What turns an upload into chunks. Documents are parsed and chunked when they are uploaded, by built-in
 * libraries chosen by the file's type; no model parses or chunks anything. Each document records the names
 * below (`parsedBy`, `chunkedBy`), and `parsing_model`/`chunking_model` of a generation can only name them.
 */
const PARSERS: Readonly<Record<string, string>> = {
  'text/markdown': 'markdown',
  'text/plain': 'text',
  'application/pdf': 'pdf-parse',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'mammoth',
  'text/html': 'node-html-parser+turndown',
};

/** Content types whose text reaches the chunker as Markdown with headings (DOCX and HTML are converted to it). */
const HEADED = new Set(['text/markdown', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html']);

/** The parser that read a document of this content type. */
export const parserFor = (contentType: string): string => PARSERS[contentType] ?? 'text';

/** The chunker that split it: by Markdown heading sections (then paragraphs and sentences), or by paragraphs and sentences. */
export const chunkerFor = (contentType: string): string => (HEADED.has(contentType) ? 'markdown-headings' : 'paragraphs-sentences');

/** What `parsing_model` / `chunking_model` may name besides a model: the built-in pipeline, which is what runs. */
export const BUILTIN_PIPELINE = 'builtin';
