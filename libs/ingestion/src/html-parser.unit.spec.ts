import { ValidationError } from '@compileo/domain';
import { chunkDocument } from '@compileo/generation';
import { readFixture } from './fixtures/read-fixture';
import { parseHtml } from './html-parser';
import { parseDocument } from './parse-document';
import { chunkerFileName } from './supported-types';

const html = (body: string, head = '') => Buffer.from(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('HTML parsing', () => {
  it('converts to Markdown, drops scripts, styles and navigation, and puts the title first when there is no h1', async () => {
    const parsed = await parseDocument('herons.html', readFixture('sample.html'));

    expect(parsed.contentType).toBe('text/html');
    expect(parsed.pages).toBeNull();
    expect(parsed.markdown.startsWith('# Heron Field Guide\n\n')).toBe(true);
    expect(parsed.markdown).toMatch(/^## Habitat$/m);
    expect(parsed.markdown).toMatch(/^### Nesting$/m);
    expect(parsed.markdown).toMatch(/^## Diet$/m);
    expect(parsed.markdown).toContain('Grey herons wade in _shallow_ wetlands, rivers and estuaries.');
    expect(parsed.markdown).toMatch(/^-\s+Fish caught with a fast stab of the bill$/m);
    for (const dropped of ['trackingSecret', 'font-family', 'NAVIGATION-MENU', 'Enable JavaScript', 'Home']) {
      expect(parsed.markdown).not.toContain(dropped);
    }
  });

  it('keeps heading paths when chunked', async () => {
    const parsed = await parseDocument('herons.htm', readFixture('sample.html'));
    const chunks = chunkDocument(parsed.markdown, chunkerFileName('herons.htm'), { chunkSize: 100, chunkOverlap: 0 });

    expect(chunks.find((c) => c.text.includes('heronries'))!.headingPath).toEqual(['Heron Field Guide', 'Habitat', 'Nesting']);
    expect(chunks.find((c) => c.text.includes('Frogs'))!.headingPath).toEqual(['Heron Field Guide', 'Diet']);
  });

  it('uses the page h1 rather than the title when there is one', async () => {
    const parsed = await parseDocument('a.html', html('<h1>Real Heading</h1><p>Body text.</p>', '<title>Site | Page</title>'));
    expect(parsed.markdown).toBe('# Real Heading\n\nBody text.');
  });

  it('keeps link text and image alt text but not URLs, and writes table rows on one line', async () => {
    const parsed = await parseDocument(
      'b.html',
      html(
        '<p>See <a href="https://example.com/x">the docs</a> <img src="data:image/png;base64,AAAA" alt="a chart">.</p>' +
          '<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table>',
      ),
    );
    expect(parsed.markdown).toContain('See the docs a chart.');
    expect(parsed.markdown).not.toContain('example.com');
    expect(parsed.markdown).not.toContain('base64');
    expect(parsed.markdown).toContain('| Name | Age |\n| Ann | 31 |');
  });

  it('does not escape ordinary punctuation, but keeps body text from reading as a heading', async () => {
    const parsed = await parseDocument('c.html', html('<p>snake_case *stars* 1984. [x]</p><p># not a heading</p>'));
    expect(parsed.markdown).toContain('snake_case *stars* 1984. [x]');
    expect(parsed.markdown).toContain('\\# not a heading');
    expect(chunkDocument(parsed.markdown, 'c.html.md')[0].headingPath).toEqual([]);
  });

  it('honours a declared legacy charset and rejects undecodable bytes', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>caf'),
      Buffer.from([0xe9]),
      Buffer.from('</p></body></html>'),
    ]);
    expect((await parseDocument('d.html', latin1)).markdown).toBe('café');
    await expect(parseDocument('e.html', Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x41]))).rejects.toThrow(ValidationError);
  });

  it('rejects a page with no text', async () => {
    await expect(parseDocument('empty.html', html('<script>x()</script><nav>menu</nav>'))).rejects.toThrow(ValidationError);
  });

  it('parses in a worker thread: timers keep firing during a large page, and a page over the heap limit is a 413', async () => {
    const page = html('<h2>Part</h2><p>Grey herons wade in <b>shallow</b> wetlands, rivers and estuaries.</p>'.repeat(30_000));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const parsed = await parseHtml('big.html', page, 'text/html');
      expect(parsed.markdown).toContain('Grey herons wade in **shallow** wetlands');
    } finally {
      clearInterval(timer);
    }
    // A parse on this thread would hold the timer until it ended.
    expect(ticks).toBeGreaterThan(0);
    await expect(parseHtml('big.html', page, 'text/html', { timeoutMs: 60_000, maxHeapMb: 32 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: "big.html needs more than 32 MB to read (the HTML parser's 32 MB heap limit)",
    });
  });
});
