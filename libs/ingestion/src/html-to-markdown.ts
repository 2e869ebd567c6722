import TurndownService from 'turndown';

/** Characters at the start of a text run that the chunker's Markdown lexer would read as a heading. */
const HEADING_LOOKALIKES: readonly [RegExp, string][] = [
  [/^(#{1,6})([ \t]|$)/, '\\$1$2'],
  [/^(=+|-+)([ \t]*)$/, '\\$1$2'],
];

/** The one DOM method used here (tsconfig has no DOM lib; turndown's node is a domino element). */
interface WithAttributes {
  getAttribute(name: string): string | null;
}

const createTurndown = (): TurndownService => {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  service.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'nav', 'head']);
  // Dataset text: keep link text, drop the URL; keep an image's alt text, drop the image (mammoth inlines them as data: URLs).
  service.addRule('linkText', { filter: 'a', replacement: (content) => content });
  service.addRule('imageAlt', {
    filter: 'img',
    replacement: (_content, node) => {
      const alt = (node as unknown as WithAttributes).getAttribute('alt')?.trim();
      return alt ?? '';
    },
  });
  // Core turndown has no tables: write each row on one line with cells between pipes.
  service.addRule('tableCell', { filter: ['th', 'td'], replacement: (content) => ` ${content.replace(/\s+/g, ' ').trim()} |` });
  service.addRule('tableRow', { filter: 'tr', replacement: (content) => `\n|${content}\n` });
  service.addRule('tableSection', { filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });
  service.addRule('table', { filter: 'table', replacement: (content) => `\n\n${content.trim()}\n\n` });
  // Turndown escapes every Markdown character by default, and the escapes would end up in chunk text; only
  // escape what would turn body text into a heading.
  service.escape = (text: string) => HEADING_LOOKALIKES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
  return service;
};

let shared: TurndownService | null = null;

/** HTML (a fragment or a body's inner HTML) as Markdown with ATX headings (# / ##). */
export const htmlToMarkdown = (html: string): string => {
  shared ??= createTurndown();
  return shared
    .turndown(html)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};
