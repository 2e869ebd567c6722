import { ValidationError } from '@compileo/domain';
import { chunkDocument } from '@compileo/generation';
import { readFixture } from './fixtures/read-fixture';
import { pagesFor } from './pages-for';
import { parseDocument } from './parse-document';
import { joinPages, parsePdf } from './pdf-parser';
import { chunkerFileName } from './supported-types';

describe('PDF parsing', () => {
  it('extracts each page and records its character range', async () => {
    const parsed = await parseDocument('sample.pdf', readFixture('sample.pdf'));

    expect(parsed.contentType).toBe('application/pdf');
    expect(parsed.pages).toHaveLength(3);
    const pageText = parsed.pages!.map((p) => parsed.markdown.slice(p.start, p.end));
    expect(pageText[0]).toContain('Solar Basics');
    expect(pageText[0]).toContain('Alpha page one explains how photovoltaic cells');
    expect(pageText[1]).toContain('Bravo page two covers mounting rails');
    expect(pageText[2]).toContain('Charlie page three lists cleaning intervals');
    expect(pageText[2]).toContain('Inverters are replaced after about twelve years.');
    expect(parsed.pages!.map((p) => p.page)).toEqual([1, 2, 3]);
    // pages are joined by one blank line, and nothing of a page leaks into the next
    expect(parsed.markdown.slice(parsed.pages![0].end, parsed.pages![1].start)).toBe('\n\n');
    expect(pageText[0]).not.toContain('Bravo');
  });

  it('maps chunk offsets to the pages they cover', async () => {
    const parsed = await parseDocument('sample.pdf', readFixture('sample.pdf'));
    const at = (needle: string) => parsed.markdown.indexOf(needle);

    expect(pagesFor(parsed.pages, at('Alpha'), at('Alpha') + 5)).toEqual({ page_start: 1, page_end: 1 });
    expect(pagesFor(parsed.pages, at('Bravo'), at('Charlie') + 7)).toEqual({ page_start: 2, page_end: 3 });
    expect(pagesFor(parsed.pages, 0, parsed.markdown.length)).toEqual({ page_start: 1, page_end: 3 });

    const chunks = chunkDocument(parsed.markdown, chunkerFileName('sample.pdf'), { chunkSize: 120, chunkOverlap: 0 });
    expect(chunks.length).toBeGreaterThan(3);
    // trimmed chunks start and end inside page text: their first and last characters name the pages
    const pageAt = (offset: number) => parsed.pages!.find((p) => p.start <= offset && offset < p.end)!.page;
    for (const chunk of chunks) {
      expect(pagesFor(parsed.pages, chunk.startOffset, chunk.endOffset)).toEqual({
        page_start: pageAt(chunk.startOffset),
        page_end: pageAt(chunk.endOffset - 1),
      });
    }
    expect(pagesFor(parsed.pages, chunks[0].startOffset, chunks[0].endOffset)).toEqual({ page_start: 1, page_end: 1 });
    const last = chunks[chunks.length - 1];
    expect(pagesFor(parsed.pages, last.startOffset, last.endOffset)?.page_end).toBe(3);
    // at this size some chunk runs across a page break
    expect(chunks.some((c) => pageAt(c.startOffset) < pageAt(c.endOffset - 1))).toBe(true);
  });

  it('rejects a corrupt PDF with a ValidationError naming the file', async () => {
    const corrupt = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog\nthis is not a pdf\n');
    await expect(parseDocument('broken.pdf', corrupt)).rejects.toThrow(ValidationError);
    await expect(parseDocument('broken.pdf', corrupt)).rejects.toMatchObject({
      problems: [{ field: 'files', message: expect.stringContaining('broken.pdf') }],
    });
    const truncated = readFixture('sample.pdf').subarray(0, 200);
    await expect(parseDocument('cut.pdf', truncated)).rejects.toThrow(ValidationError);
    await expect(parseDocument('image.pdf', readFixture('sample.docx'))).rejects.toThrow(ValidationError);
  });

  it("stops a PDF that takes too long and reports it as the file's problem", async () => {
    const error = await parsePdf('slow.pdf', readFixture('sample.pdf'), 'application/pdf', { timeoutMs: 1, maxHeapMb: 256 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0]).toEqual({
      field: 'files',
      message: expect.stringMatching(/slow\.pdf could not be read as a PDF: took longer than/),
    });
  });

  it("leaves the caller's buffer usable (pdf.js detaches what it is given)", async () => {
    const content = readFixture('sample.pdf');
    await parseDocument('sample.pdf', content);
    expect(content.length).toBeGreaterThan(1000);
    await expect(parseDocument('sample.pdf', content)).resolves.toMatchObject({ contentType: 'application/pdf' });
  });
});

describe('joinPages', () => {
  it('gives pages without text an empty range and no extra separator', () => {
    const { text, pages } = joinPages([
      { page: 1, text: 'one  \r\nline' },
      { page: 2, text: '   ' },
      { page: 3, text: '\n\n\n\nthree' },
    ]);
    expect(text).toBe('one\nline\n\nthree');
    expect(pages).toEqual([
      { page: 1, start: 0, end: 8 },
      { page: 2, start: 8, end: 8 },
      { page: 3, start: 10, end: 15 },
    ]);
  });
});
