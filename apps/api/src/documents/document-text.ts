import { ValidationError } from '@compileo/domain';
import { extname } from 'node:path';

/** Types ingested today, by extension. PDF, DOCX and HTML parsers are a later step. */
const TEXT_TYPES: Readonly<Record<string, string>> = { '.md': 'text/markdown', '.markdown': 'text/markdown', '.txt': 'text/plain' };

/** Decodes an uploaded file as UTF-8 text of a supported type, or names the problem. */
export const documentText = (fileName: string, content: Buffer, field: string): { text: string; contentType: string } => {
  const contentType = TEXT_TYPES[extname(fileName).toLowerCase()];
  if (!contentType) throw ValidationError.field(field, `unsupported file type '${extname(fileName) || fileName}'; supported: ${Object.keys(TEXT_TYPES).join(', ')}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw ValidationError.field(field, `${fileName} is not valid UTF-8 text`);
  }
  if (!text.trim()) throw ValidationError.field(field, `${fileName} is empty`);
  return { text: text.replace(/^\uFEFF/, ''), contentType };
};
