import { stripInlineMarkdown } from './inline-markdown';

describe('stripInlineMarkdown', () => {
  it('drops marks but keeps identifiers', () => {
    expect(stripInlineMarkdown('Job **status** (`GET /generate/{job_id}/status`) _now_ [link](http://x)')).toBe(
      'Job status (GET /generate/{job_id}/status) now link',
    );
  });
});
