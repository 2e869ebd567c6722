import { extname } from 'node:path';

export type DocumentFormat = 'markdown' | 'text' | 'pdf' | 'docx' | 'html';

const FORMATS: Readonly<Record<string, { format: DocumentFormat; contentType: string }>> = {
  '.md': { format: 'markdown', contentType: 'text/markdown' },
  '.markdown': { format: 'markdown', contentType: 'text/markdown' },
  '.txt': { format: 'text', contentType: 'text/plain' },
  '.pdf': { format: 'pdf', contentType: 'application/pdf' },
  '.docx': { format: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  '.html': { format: 'html', contentType: 'text/html' },
  '.htm': { format: 'html', contentType: 'text/html' },
};

/** File extensions parseDocument accepts, lower case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(FORMATS));

/** The format and content type a file name's extension names, or null when unsupported. */
export const formatOf = (fileName: string): { format: DocumentFormat; contentType: string } | null =>
  FORMATS[extname(fileName).toLowerCase()] ?? null;

/**
 * The file name to give `chunkDocument` for a parsed file. The chunker picks heading-aware splitting by a Markdown
 * extension, so DOCX and HTML (converted to Markdown with headings) get ".md" appended; Markdown, plain text and PDF
 * (page text without headings, not escaped as Markdown) keep their own name.
 */
export const chunkerFileName = (fileName: string): string => {
  const format = formatOf(fileName)?.format;
  return format === 'docx' || format === 'html' ? `${fileName}.md` : fileName;
};
