import type { Section } from './markdown-sections';

/**
 * Merges sections so chunks are not needlessly tiny. A heading-only section always joins the next one and
 * hands it the heading (its own title stays in the heading path). Otherwise a group under `tinyBelow`
 * characters absorbs the following sections while the whole still fits in `size`, keeping its first heading.
 */
export const mergeSections = (sections: readonly Section[], size: number, tinyBelow: number): Section[] => {
  const groups: Section[] = [];
  for (const section of sections) {
    const last = groups[groups.length - 1];
    const fits = last !== undefined && section.end - last.start <= size;
    if (last?.headingOnly) {
      groups[groups.length - 1] = { ...section, start: last.start };
    } else if (last && fits && last.end - last.start < tinyBelow) {
      groups[groups.length - 1] = { ...last, end: section.end, headingOnly: false };
    } else {
      groups.push(section);
    }
  }
  return groups;
};
