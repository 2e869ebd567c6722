import { pagesFor } from './pages-for';

describe('pagesFor', () => {
  // "aaaa\n\nbbbb\n\ncccc"
  const pages = [
    { page: 1, start: 0, end: 4 },
    { page: 2, start: 6, end: 10 },
    { page: 3, start: 12, end: 16 },
  ];

  it('is null for unpaged documents', () => {
    expect(pagesFor(null, 0, 10)).toBeNull();
    expect(pagesFor([], 0, 10)).toBeNull();
  });

  it('maps a span inside one page to that page', () => {
    expect(pagesFor(pages, 0, 4)).toEqual({ page_start: 1, page_end: 1 });
    expect(pagesFor(pages, 7, 9)).toEqual({ page_start: 2, page_end: 2 });
  });

  it('maps a span across pages to the first and last page it touches', () => {
    expect(pagesFor(pages, 2, 8)).toEqual({ page_start: 1, page_end: 2 });
    expect(pagesFor(pages, 0, 16)).toEqual({ page_start: 1, page_end: 3 });
  });

  it('counts separator offsets towards the page they lead into or out of', () => {
    expect(pagesFor(pages, 4, 10)).toEqual({ page_start: 2, page_end: 2 });
    expect(pagesFor(pages, 0, 6)).toEqual({ page_start: 1, page_end: 1 });
  });

  it('treats an empty span as one character and clamps offsets past the end', () => {
    expect(pagesFor(pages, 7, 7)).toEqual({ page_start: 2, page_end: 2 });
    expect(pagesFor(pages, 20, 30)).toEqual({ page_start: 3, page_end: 3 });
  });

  it('agrees with a linear scan on a long document with empty pages', () => {
    const many: { page: number; start: number; end: number }[] = [];
    let at = 0;
    for (let page = 1; page <= 20_000; page++) {
      const length = page % 7 === 0 ? 0 : 5 + (page % 11);
      many.push({ page, start: at, end: at + length });
      at += length + (length > 0 ? 2 : 0);
    }
    const linear = (start: number, end: number) => {
      const last = Math.max(end, start + 1);
      const first = many.find((p) => p.end > start) ?? many[many.length - 1];
      const final = [...many].reverse().find((p) => p.start < last) ?? many[0];
      return { page_start: first.page, page_end: Math.max(first.page, final.page) };
    };
    for (let i = 0; i < 500; i++) {
      const start = (i * 7919) % at;
      const end = Math.min(at + 3, start + ((i * 104729) % 400));
      expect(pagesFor(many, start, end)).toEqual(linear(start, end));
    }
  });
});
