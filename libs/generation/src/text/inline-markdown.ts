/**
 * Inline Markdown marks (code ticks, paired emphasis, links, images) removed so headings and questions read
 * as plain text. Lone underscores stay: identifiers such as `job_id` must survive.
 */
export const stripInlineMarkdown = (text: string): string =>
  text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+/g, '')
    .replace(/(\*\*|__|\*|~~)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])_(\S(?:.*?\S)?)_(?=[^\p{L}\p{N}]|$)/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
