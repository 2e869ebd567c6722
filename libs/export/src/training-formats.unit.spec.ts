import { PassThrough, Writable } from 'stream';
import type { ExportRow } from './export-row';
import { EXPORT_FORMATS, FORMAT_WRITERS, isExportFormat } from './export-formats';
import { writeJsonl } from './jsonl-writer';
import { writeParquet } from './parquet-writer';
import { makeRow, makeRows } from './test-rows.fixture';
import { trainingPair, writeAlpaca, writeOpenAiChat, writeShareGpt, type TrainingExportResult } from './training-formats';

type Writer = (rows: AsyncIterable<ExportRow>, out: NodeJS.WritableStream) => Promise<TrainingExportResult>;

const row = (overrides: Partial<ExportRow> = {}): ExportRow => ({ ...makeRow(1), metadata: { model: 'm-1' }, ...overrides });

async function* each(rows: readonly ExportRow[]): AsyncGenerator<ExportRow> {
  yield* rows;
}

/** Runs `writer` over `rows` into a PassThrough, checks it left the stream open, and returns parsed lines. */
async function run(writer: Writer, rows: readonly ExportRow[]): Promise<{ result: TrainingExportResult; lines: unknown[]; raw: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const result = await writer(each(rows), out);
  expect(out.writableEnded).toBe(false);
  out.end();
  const raw = Buffer.concat(chunks).toString('utf8');
  const lines =
    raw === ''
      ? []
      : raw
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => JSON.parse(l) as unknown);
  return { result, lines, raw };
}

const QA = row({ question: 'What is "x" — naïve café ✓ 😀?\nline two', answer: 'It is x \\ y \u2028 z' });
const INSTRUCTION = row({
  question: 'Summarize the passage.',
  answer: 'A summary.',
  metadata: { model: 'm-1', instruction: 'Summarize the passage.', input: 'The passage text.', output: 'A summary.' },
});
const INSTRUCTION_NO_INPUT = row({ question: 'q', answer: 'a', metadata: { instruction: 'Do the thing.', output: 'Done.' } });
const QUESTION_ONLY = row({ question: 'Only a question?', answer: null });
const BLANK_ANSWER = row({ question: 'Blank answer?', answer: '  ' });
const NO_PROMPT = row({ question: null, answer: 'an answer without a question' });

describe('trainingPair', () => {
  it('QA row: question is the instruction, empty input, answer is the output', () => {
    expect(trainingPair(QA)).toEqual({ instruction: QA.question, input: '', output: QA.answer });
  });

  it('instruction-mode metadata wins over question/answer', () => {
    expect(trainingPair(INSTRUCTION)).toEqual({ instruction: 'Summarize the passage.', input: 'The passage text.', output: 'A summary.' });
    expect(trainingPair(INSTRUCTION_NO_INPUT)).toEqual({ instruction: 'Do the thing.', input: '', output: 'Done.' });
  });

  it('ignores non-string instruction fields in metadata', () => {
    expect(trainingPair(row({ question: 'q', answer: 'a', metadata: { instruction: 3, output: null } }))).toEqual({
      instruction: 'q',
      input: '',
      output: 'a',
    });
  });

  it('is null without an answer or without any prompt', () => {
    expect(trainingPair(QUESTION_ONLY)).toBeNull();
    expect(trainingPair(BLANK_ANSWER)).toBeNull();
    expect(trainingPair(NO_PROMPT)).toBeNull();
    // an instruction-mode entry with only an input still has a prompt
    expect(trainingPair(row({ question: null, answer: null, metadata: { input: 'in', output: 'out' } }))).toEqual({
      instruction: '',
      input: 'in',
      output: 'out',
    });
  });
});

describe('writeAlpaca', () => {
  it('writes {instruction, input, output} per line and skips rows without an answer', async () => {
    const { result, lines } = await run(writeAlpaca, [QA, QUESTION_ONLY, INSTRUCTION, BLANK_ANSWER, NO_PROMPT]);
    expect(result).toEqual({ count: 2, skipped: 3 });
    expect(lines).toEqual([
      { instruction: QA.question, input: '', output: QA.answer },
      { instruction: 'Summarize the passage.', input: 'The passage text.', output: 'A summary.' },
    ]);
    expect(Object.keys(lines[0] as object)).toEqual(['instruction', 'input', 'output']);
  });
});

describe('writeShareGpt', () => {
  it('writes a human/gpt conversation per line, the input after the instruction', async () => {
    const { result, lines } = await run(writeShareGpt, [QA, QUESTION_ONLY, INSTRUCTION, INSTRUCTION_NO_INPUT]);
    expect(result).toEqual({ count: 3, skipped: 1 });
    expect(lines).toEqual([
      {
        conversations: [
          { from: 'human', value: QA.question },
          { from: 'gpt', value: QA.answer },
        ],
      },
      {
        conversations: [
          { from: 'human', value: 'Summarize the passage.\n\nThe passage text.' },
          { from: 'gpt', value: 'A summary.' },
        ],
      },
      {
        conversations: [
          { from: 'human', value: 'Do the thing.' },
          { from: 'gpt', value: 'Done.' },
        ],
      },
    ]);
  });
});

describe('writeOpenAiChat', () => {
  it('writes {messages: [user, assistant]} per line', async () => {
    const { result, lines } = await run(writeOpenAiChat, [QUESTION_ONLY, QA, INSTRUCTION]);
    expect(result).toEqual({ count: 2, skipped: 1 });
    expect(lines).toEqual([
      {
        messages: [
          { role: 'user', content: QA.question },
          { role: 'assistant', content: QA.answer },
        ],
      },
      {
        messages: [
          { role: 'user', content: 'Summarize the passage.\n\nThe passage text.' },
          { role: 'assistant', content: 'A summary.' },
        ],
      },
    ]);
  });
});

describe.each([
  ['alpaca', writeAlpaca],
  ['sharegpt', writeShareGpt],
  ['openai', writeOpenAiChat],
] as const)('%s writer streaming', (_name, writer) => {
  it('keeps every line valid JSON on one line (newlines, U+2028, emoji) and counts fixture rows', async () => {
    const rows: ExportRow[] = [];
    for await (const r of makeRows(500)) rows.push(r);
    const expectedCount = rows.filter((r) => trainingPair(r) !== null).length;
    const { result, lines, raw } = await run(writer, rows);
    expect(result).toEqual({ count: expectedCount, skipped: 500 - expectedCount });
    expect(result.skipped).toBeGreaterThan(0); // the fixture has null questions and empty answers
    expect(raw.split('\n')).toHaveLength(expectedCount + 1);
    expect(lines).toHaveLength(expectedCount);
  });

  it('waits for drain on a slow consumer and loses nothing', async () => {
    const received: Buffer[] = [];
    let drains = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb): void {
        received.push(chunk);
        setImmediate(cb);
      },
    });
    slow.on('drain', () => drains++);
    const { count } = await writer(makeRows(3000), slow);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(drains).toBeGreaterThan(0);
    expect(Buffer.concat(received).toString('utf8').split('\n')).toHaveLength(count + 1);
  });

  it('rejects instead of hanging when the consumer goes away', async () => {
    const stuck = new Writable({ highWaterMark: 16, write: () => undefined });
    const done = writer(makeRows(10_000), stuck);
    setImmediate(() => stuck.destroy());
    await expect(done).rejects.toThrow();
  });

  it('writes nothing for no rows', async () => {
    const { result, raw } = await run(writer, []);
    expect(result).toEqual({ count: 0, skipped: 0 });
    expect(raw).toBe('');
  });
});

describe('FORMAT_WRITERS', () => {
  it('maps every ?format= value to a writer, extension and content type', () => {
    expect(Object.keys(FORMAT_WRITERS).sort()).toEqual([...EXPORT_FORMATS].sort());
    expect(FORMAT_WRITERS.jsonl).toEqual({ writer: writeJsonl, extension: 'jsonl', contentType: 'application/x-ndjson' });
    expect(FORMAT_WRITERS.parquet).toEqual({ writer: writeParquet, extension: 'parquet', contentType: 'application/vnd.apache.parquet' });
    expect(FORMAT_WRITERS.alpaca).toEqual({ writer: writeAlpaca, extension: 'jsonl', contentType: 'application/x-ndjson' });
    expect(FORMAT_WRITERS.sharegpt).toEqual({ writer: writeShareGpt, extension: 'jsonl', contentType: 'application/x-ndjson' });
    expect(FORMAT_WRITERS.openai).toEqual({ writer: writeOpenAiChat, extension: 'jsonl', contentType: 'application/x-ndjson' });
  });

  it('isExportFormat accepts only the known formats', () => {
    expect(EXPORT_FORMATS.every(isExportFormat)).toBe(true);
    for (const bad of ['JSONL', 'csv', '', undefined, 1, 'constructor', '__proto__']) expect(isExportFormat(bad)).toBe(false);
  });
});
