import { parse } from 'node-html-parser';
import { decodeHtml } from './decode-text';
import { htmlToMarkdown } from './html-to-markdown';
import type { ParsedDocument } from './parsed-document';
import { unreadable } from './unreadable';

/** Page furniture and code, not content. */
const DROPPED = 'script, style, noscript, template, iframe, object, embed, svg, canvas, nav';

/** HTML: scripts, styles and navigation dropped, body to Markdown; the <title> becomes the # heading when there is no h1. */
export const parseHtml = (fileName: string, content: Buffer, contentType: string): ParsedDocument => {
  const root = parse(decodeHtml(fileName, content), { comment: false });
  for (const element of root.querySelectorAll(DROPPED)) element.remove();
  const title = root.querySelector('title')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const body = root.querySelector('body') ?? root;
  for (const element of body.querySelectorAll('head, title')) element.remove();
  const text = htmlToMarkdown(body.innerHTML);
  if (!text) throw unreadable(`${fileName} has no text`);
  const markdown = title && !body.querySelector('h1') ? `# ${title}\n\n${text}` : text;
  return { markdown, contentType, pages: null };
};
