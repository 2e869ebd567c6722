import { PayloadTooLargeError, ValidationError } from '@compileo/domain';
import { chunkDocument } from '@compileo/generation';
import JSZip from 'jszip';
import { parseDocx } from './docx-parser';
import { readFixture } from './fixtures/read-fixture';
import { parseDocument } from './parse-document';
import { chunkerFileName } from './supported-types';

/** The sample DOCX with its body's paragraphs replaced by `paragraphs` (WordprocessingML). */
const sampleWithBody = async (paragraphs: string): Promise<Buffer> => {
  const zip = await JSZip.loadAsync(readFixture('sample.docx'));
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body>${paragraphs}</w:body>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

describe('DOCX parsing', () => {
  it('turns Word headings into Markdown headings and keeps the body text', async () => {
    const parsed = await parseDocument('report.docx', readFixture('sample.docx'));

    expect(parsed.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(parsed.pages).toBeNull();
    expect(parsed.markdown).toMatch(/^# Project Overview$/m);
    expect(parsed.markdown).toMatch(/^## Goals$/m);
    expect(parsed.markdown).toMatch(/^## Risks$/m);
    expect(parsed.markdown).toMatch(/^# Budget$/m);
    expect(parsed.markdown).toContain('The orchard project tracks apple harvests across three valleys.');
    expect(parsed.markdown).toContain('**Primary goal:** reduce bruising during transport by a third.');
  });

  it('keeps heading paths when chunked', async () => {
    const parsed = await parseDocument('report.docx', readFixture('sample.docx'));
    const chunks = chunkDocument(parsed.markdown, chunkerFileName('report.docx'), { chunkSize: 100, chunkOverlap: 0 });

    const frost = chunks.find((c) => c.text.includes('Late frost'))!;
    expect(frost.headingPath).toEqual(['Project Overview', 'Risks']);
    expect(frost.heading).toBe('Risks');
    const budget = chunks.find((c) => c.text.includes('Irrigation'))!;
    expect(budget.headingPath).toEqual(['Budget']);
  });

  it('rejects a corrupt or non-Word zip with a ValidationError naming the file', async () => {
    const garbage = Buffer.from('PK\u0003\u0004 definitely not a zip archive');
    await expect(parseDocument('broken.docx', garbage)).rejects.toThrow(ValidationError);
    await expect(parseDocument('broken.docx', garbage)).rejects.toMatchObject({
      problems: [{ field: 'files', message: expect.stringContaining('broken.docx') }],
    });
    await expect(parseDocument('cut.docx', readFixture('sample.docx').subarray(0, 600))).rejects.toThrow(ValidationError);
    await expect(parseDocument('actually.docx', readFixture('sample.pdf'))).rejects.toThrow(ValidationError);
  });
});

describe('DOCX limits', () => {
  it('refuses a bomb before parsing and a file its worker runs out of heap on, each as a 413', async () => {
    const bomb = readFixture('sample.docx');
    await expect(parseDocx('bomb.docx', bomb, 'x', { maxUncompressedBytes: 1000, maxEntries: 100 })).rejects.toThrow(PayloadTooLargeError);
    const big = await sampleWithBody('<w:p><w:r><w:t>Words repeated in a run.</w:t></w:r></w:p>'.repeat(400_000));
    // Not less than 32 MB: below what the worker's libraries need to load, V8 aborts the whole process, not the worker.
    await expect(parseDocx('big.docx', big, 'x', undefined, { timeoutMs: 60_000, maxHeapMb: 32 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: "big.docx needs more than 32 MB to read (the DOCX parser's 32 MB heap limit)",
    });
  });
});
