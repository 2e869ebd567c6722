import { PayloadTooLargeError } from '@compileo/domain';
import JSZip from 'jszip';
import { checkArchive } from './archive-limits';
import { readFixture } from './fixtures/read-fixture';
import { readZipDirectory } from './zip-directory';

const zipOf = async (files: Record<string, string>): Promise<Buffer> => {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

describe('readZipDirectory', () => {
  it('counts entries and sums declared uncompressed sizes without inflating', async () => {
    const zip = await zipOf({ 'a.xml': 'x'.repeat(3_000_000), 'b.xml': 'hello' });
    expect(zip.length).toBeLessThan(100_000);
    expect(readZipDirectory(zip)).toEqual({ entries: 2, uncompressedBytes: 3_000_005 });
  });

  it('is undefined for something that is not a ZIP', () => {
    expect(readZipDirectory(Buffer.from('PK\u0003\u0004 not really'))).toBeUndefined();
    expect(readZipDirectory(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('checkArchive', () => {
  const limits = { maxUncompressedBytes: 1024 * 1024, maxEntries: 50 };

  it('passes a real DOCX', () => {
    expect(() => checkArchive('sample.docx', readFixture('sample.docx'), limits)).not.toThrow();
  });

  it('refuses an archive that unpacks past the byte limit, naming the limit', async () => {
    const bomb = await zipOf({ 'word/document.xml': '<w:r><w:t>x</w:t></w:r>'.repeat(200_000) });
    expect(() => checkArchive('bomb.docx', bomb, limits)).toThrow(PayloadTooLargeError);
    expect(() => checkArchive('bomb.docx', bomb, limits)).toThrow(
      'bomb.docx unpacks to 4.4 MB, over the 1 MB archive limit (COMPILEO_MAX_ARCHIVE_BYTES)',
    );
  });

  it('refuses an archive with too many entries, naming the limit', async () => {
    const many = await zipOf(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}.xml`, 'x'])));
    expect(() => checkArchive('many.docx', many, limits)).toThrow(
      'many.docx holds 51 entries, over the 50-entry archive limit (COMPILEO_MAX_ARCHIVE_ENTRIES)',
    );
  });
});
