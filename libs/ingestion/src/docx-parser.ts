import mammoth from 'mammoth';
import { htmlToMarkdown } from './html-to-markdown';
import type { ParsedDocument } from './parsed-document';
import { reason, unreadable } from './unreadable';

/** Word's built-in title style becomes a top heading too; headings 1-6 map by mammoth's default style map. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** DOCX via mammoth (semantic HTML: Heading 1/2 → h1/h2), then turndown to Markdown (h1/h2 → #/##). */
export const parseDocx = async (fileName: string, content: Buffer, contentType: string): Promise<ParsedDocument> => {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: content },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    ));
  } catch (error) {
    throw unreadable(`${fileName} could not be read as a DOCX document: ${reason(error)}`);
  }
  const markdown = htmlToMarkdown(html);
  if (!markdown) throw unreadable(`${fileName} is empty`);
  return { markdown, contentType, pages: null };
};
