import { unreadable } from './unreadable';

/** Normalises line endings to "\n" (the chunker's offsets assume them) and drops a leading byte-order mark. */
export const normaliseText = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** Decodes strict UTF-8, naming the file when the bytes are not UTF-8. */
export const decodeUtf8 = (fileName: string, content: Buffer): string => {
  try {
    return normaliseText(new TextDecoder('utf-8', { fatal: true }).decode(content));
  } catch {
    throw unreadable(`${fileName} is not valid UTF-8 text`);
  }
};

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i;

/**
 * Decodes an HTML file: a byte-order mark wins, then a `<meta charset>` (or http-equiv content type) in the first
 * 1024 bytes, else strict UTF-8. An unknown declared charset falls back to strict UTF-8.
 */
export const decodeHtml = (fileName: string, content: Buffer): string => {
  if (content[0] === 0xfe && content[1] === 0xff) return normaliseText(new TextDecoder('utf-16be').decode(content));
  if (content[0] === 0xff && content[1] === 0xfe) return normaliseText(new TextDecoder('utf-16le').decode(content));
  const declared = META_CHARSET.exec(content.subarray(0, 1024).toString('latin1'))?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return normaliseText(new TextDecoder(declared, { fatal: true }).decode(content));
    } catch {
      // unknown label or bytes that do not match it: try UTF-8 below
    }
  }
  return decodeUtf8(fileName, content);
};
