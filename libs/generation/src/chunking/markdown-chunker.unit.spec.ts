import { ValidationError } from '@compileo/domain';
import { chunkDocument, chunkDocumentSliced, type TextChunk } from './markdown-chunker';
import { DEFAULT_CHUNK_OVERLAP, DEFAULT_CHUNK_SIZE } from './chunk-options';

const sentence = (i: number): string => `Sentence number ${i} explains a distinct fact about glucose metabolism.`;
const paragraph = (from: number, n: number): string => Array.from({ length: n }, (_, i) => sentence(from + i)).join(' ');

const expectWellFormed = (chunks: readonly TextChunk[], source: string, size: number): void => {
  chunks.forEach((c, i) => {
    expect(c.index).toBe(i);
    expect(c.text.trim()).not.toBe('');
    expect(c.text).toBe(source.slice(c.startOffset, c.endOffset));
    expect(c.charCount).toBe(c.text.length);
    expect(c.charCount).toBeLessThanOrEqual(size);
  });
};

describe('chunkDocument (Markdown)', () => {
  const doc = [
    '# Guide',
    '',
    '## Diabetes',
    '',
    paragraph(0, 6),
    '',
    '```',
    '# not a heading',
    '```',
    '',
    '## Heart',
    '',
    paragraph(10, 6),
    '',
    '### Arrhythmia',
    '',
    paragraph(20, 6),
  ].join('\n');

  it('breaks at headings and carries the heading path', () => {
    const chunks = chunkDocument(doc, 'notes.md');
    expectWellFormed(chunks, doc, DEFAULT_CHUNK_SIZE);
    expect(chunks.map((c) => c.heading)).toEqual(['Diabetes', 'Heart', 'Arrhythmia']);
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ['Guide', 'Diabetes'],
      ['Guide', 'Heart'],
      ['Guide', 'Heart', 'Arrhythmia'],
    ]);
    // the heading-only title joins the first section; the fenced "# not a heading" stays inside Diabetes
    expect(chunks[0].text.startsWith('# Guide')).toBe(true);
    expect(chunks[0].text).toContain('# not a heading');
  });

  it('splits long sections at sentence boundaries with bounded overlap', () => {
    const long = `## Long\n\n${paragraph(0, 40)}`;
    const chunks = chunkDocument(long, 'long.md', { chunkSize: 400, chunkOverlap: 100 });
    expectWellFormed(chunks, long, 400);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.heading === 'Long')).toBe(true);
    for (let i = 1; i < chunks.length; i++) {
      const overlap = chunks[i - 1].endOffset - chunks[i].startOffset;
      expect(overlap).toBeGreaterThan(0);
      expect(overlap).toBeLessThanOrEqual(100);
      expect(chunks[i].text.startsWith('Sentence number')).toBe(true);
      expect(chunks[i - 1].text.endsWith('metabolism.')).toBe(true);
    }
  });

  it('merges tiny adjacent sections under the first heading while they fit', () => {
    const tiny = '## A\n\nShort one.\n\n## B\n\nShort two.\n\n## C\n\n' + paragraph(0, 30);
    const chunks = chunkDocument(tiny, 'tiny.md', { chunkSize: 600, chunkOverlap: 0 });
    expect(chunks[0].heading).toBe('A');
    expect(chunks[0].text).toContain('Short two.');
    expect(chunks.some((c) => c.heading === 'C')).toBe(true);
  });

  it('normalises CRLF line endings', () => {
    const chunks = chunkDocument('# T\r\n\r\nBody text here.\r\n', 'x.MD');
    expect(chunks).toHaveLength(1);
    expect(chunks[0].text).toBe('# T\n\nBody text here.');
  });
});

describe('chunkDocument (plain text)', () => {
  it('splits by paragraph with null headings and never emits blank chunks', () => {
    const text = `${paragraph(0, 5)}\n\n\n\n${paragraph(5, 5)}\n\n   \n${paragraph(10, 5)}`;
    const chunks = chunkDocument(text, 'notes.txt', { chunkSize: 500, chunkOverlap: 0 });
    expectWellFormed(chunks, text, 500);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.every((c) => c.heading === null && c.headingPath.length === 0)).toBe(true);
    expect(chunks[0].text).toBe(paragraph(0, 5));
  });

  it('treats # lines in .txt as text', () => {
    expect(chunkDocument('# not heading\n\nbody', 'a.txt')[0].heading).toBeNull();
  });

  it('hard-splits a text without any break and still respects the size', () => {
    const blob = 'x'.repeat(1000);
    const chunks = chunkDocument(blob, 'a.txt', { chunkSize: 300, chunkOverlap: 50 });
    expectWellFormed(chunks, blob, 300);
    expect(chunks[chunks.length - 1].endOffset).toBe(1000);
  });

  it('chunks a 5 MB heading-less text at sentence ends, covering all of it', () => {
    const text = paragraph(0, 72_000);
    expect(text.length).toBeGreaterThan(5_000_000);
    const chunks = chunkDocument(text, 'big.txt');
    expectWellFormed(chunks, text, DEFAULT_CHUNK_SIZE);
    expect(chunks.length).toBeGreaterThan(text.length / DEFAULT_CHUNK_SIZE);
    expect(chunks.every((c) => c.text.endsWith('metabolism.'))).toBe(true);
    expect(chunks[chunks.length - 1].endOffset).toBe(text.length);
  });

  it('returns no chunks for a blank document', () => {
    expect(chunkDocument(' \n\n ', 'a.txt')).toEqual([]);
  });
});

describe('chunk options', () => {
  it('documents its defaults', () => {
    expect([DEFAULT_CHUNK_SIZE, DEFAULT_CHUNK_OVERLAP]).toEqual([1500, 150]);
  });

  it('shrinks an omitted overlap to fit a small explicit size', () => {
    expect(() => chunkDocument('text', 'a.txt', { chunkSize: 120 })).not.toThrow();
  });

  it.each([
    [{ chunkSize: 50 }, ['chunk_size']],
    [{ chunkSize: 30000 }, ['chunk_size']],
    [{ chunkSize: 500, chunkOverlap: 500 }, ['chunk_overlap']],
    [{ chunkOverlap: -1 }, ['chunk_overlap']],
    [{ chunkSize: 10, chunkOverlap: -1 }, ['chunk_size', 'chunk_overlap']],
    [{ chunkSize: 100.5 }, ['chunk_size']],
  ])('rejects %p naming %p', (options, fields) => {
    try {
      chunkDocument('text', 'a.txt', options);
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).problems.map((p) => p.field)).toEqual(fields);
    }
  });
});

describe('chunkDocumentSliced', () => {
  it('gives the chunks chunkDocument gives, and lets other work run while it chunks one long section', async () => {
    const text = Array.from({ length: 400 }, (_, p) => paragraph(p * 40, 40)).join(' ');
    let finished = false;
    let ranMeanwhile = false;
    setImmediate(() => {
      ranMeanwhile = !finished;
    });
    const sliced = await chunkDocumentSliced(text, 'long.txt');
    finished = true;
    expect(sliced).toEqual(chunkDocument(text, 'long.txt'));
    expect(sliced.length).toBeGreaterThan(100);
    expect(ranMeanwhile).toBe(true);
  });

  it('gives the chunks chunkDocument gives for Markdown too: headings, paths, merged tiny sections, long sections', async () => {
    const markdown = Array.from(
      { length: 30 },
      (_, i) => `${i % 5 === 0 ? '#' : '##'} Part ${i}\n\n${i % 7 === 0 ? 'Short.' : paragraph(i * 40, 10 + (i % 4) * 20)}`,
    ).join('\n\n');
    const sliced = await chunkDocumentSliced(markdown, 'guide.md', { chunkSize: 600, chunkOverlap: 60 });
    expect(sliced).toEqual(chunkDocument(markdown, 'guide.md', { chunkSize: 600, chunkOverlap: 60 }));
    expect(new Set(sliced.map((c) => c.headingPath.join(' / '))).size).toBeGreaterThan(20);
  });
});
