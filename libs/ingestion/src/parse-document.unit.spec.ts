import { ValidationError } from '@compileo/domain';
import { parseDocument } from './parse-document';
import { chunkerFileName, SUPPORTED_EXTENSIONS } from './supported-types';

describe('parseDocument', () => {
  it('lists the supported extensions', () => {
    expect([...SUPPORTED_EXTENSIONS].sort()).toEqual(['.docx', '.htm', '.html', '.markdown', '.md', '.pdf', '.txt']);
  });

  it('decodes Markdown and text as UTF-8 without a BOM, with "\\n" line endings', async () => {
    const md = await parseDocument('Notes.MD', Buffer.from('\uFEFF# Title\r\n\r\nBody ünïcode.\r\n'));
    expect(md).toEqual({ markdown: '# Title\n\nBody ünïcode.\n', contentType: 'text/markdown', pages: null });
    const txt = await parseDocument('notes.txt', Buffer.from('plain text'));
    expect(txt).toEqual({ markdown: 'plain text', contentType: 'text/plain', pages: null });
  });

  it.each([
    ['unsupported type', 'sheet.xlsx', Buffer.from('x'), /unsupported file type '\.xlsx'; supported: \.md/],
    ['no extension', 'README', Buffer.from('x'), /unsupported file type 'README'/],
    ['legacy Word', 'old.doc', Buffer.from('x'), /unsupported file type '\.doc'/],
    ['empty file', 'empty.md', Buffer.alloc(0), /empty\.md is empty/],
    ['blank text', 'blank.txt', Buffer.from(' \n\t\n'), /blank\.txt is empty/],
    ['empty PDF', 'empty.pdf', Buffer.alloc(0), /empty\.pdf is empty/],
    ['non-UTF-8 text', 'latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]), /latin1\.txt is not valid UTF-8 text/],
  ])('rejects %s with a ValidationError on "files"', async (_case, fileName, content, message) => {
    const error = await parseDocument(fileName, content).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('BAD_USER_INPUT');
    expect((error as ValidationError).problems).toEqual([{ field: 'files', message: expect.stringMatching(message) }]);
  });

  it('names a Markdown file for the chunker only for formats converted to Markdown headings', () => {
    expect(chunkerFileName('a.docx')).toBe('a.docx.md');
    expect(chunkerFileName('a.HTML')).toBe('a.HTML.md');
    expect(chunkerFileName('a.md')).toBe('a.md');
    expect(chunkerFileName('a.txt')).toBe('a.txt');
    expect(chunkerFileName('a.pdf')).toBe('a.pdf');
  });
});
