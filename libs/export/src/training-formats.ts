import type { ExportRow } from './export-row';
import { writeChunk } from './stream-write';

/** Lines are batched up to this size before a write, as in the JSONL writer. */
const BATCH_BYTES = 64 * 1024;

/** What a fine-tuning format needs of an entry: the prompt (instruction + optional input) and the target. */
export interface TrainingPair {
  readonly instruction: string;
  readonly input: string;
  readonly output: string;
}

export interface TrainingExportResult {
  /** Lines written. */
  readonly count: number;
  /** Rows left out because they have no answer (question-only datasets) or no prompt at all. */
  readonly skipped: number;
}

export interface AlpacaRecord {
  readonly instruction: string;
  readonly input: string;
  readonly output: string;
}

export interface ShareGptRecord {
  readonly conversations: readonly [{ readonly from: 'human'; readonly value: string }, { readonly from: 'gpt'; readonly value: string }];
}

export interface OpenAiChatRecord {
  readonly messages: readonly [
    { readonly role: 'user'; readonly content: string },
    { readonly role: 'assistant'; readonly content: string },
  ];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const blank = (value: string | null | undefined): boolean => value === null || value === undefined || value.trim() === '';

/**
 * The training pair of a row, or null when it cannot train anything. Instruction-mode entries carry
 * `instruction` / `input` / `output` in metadata and those win; otherwise the question is the instruction
 * and the answer the output. No answer (null or blank: question-only datasets), or neither instruction nor
 * input, means null: an empty target or an empty user turn is useless, and OpenAI rejects it.
 */
export function trainingPair(row: ExportRow): TrainingPair | null {
  const metadata = row.metadata ?? {};
  const instruction = text(metadata.instruction) ?? row.question ?? '';
  const input = text(metadata.input) ?? '';
  const output = text(metadata.output) ?? row.answer;
  if (blank(output) || (blank(instruction) && blank(input))) return null;
  return { instruction, input, output: output as string };
}

/** The user turn of a chat format: the instruction, then the input (if any) after a blank line. */
export function promptOf(pair: TrainingPair): string {
  if (blank(pair.input)) return pair.instruction;
  if (blank(pair.instruction)) return pair.input;
  return `${pair.instruction}\n\n${pair.input}`;
}

export const toAlpaca = (pair: TrainingPair): AlpacaRecord => ({ instruction: pair.instruction, input: pair.input, output: pair.output });

export const toShareGpt = (pair: TrainingPair): ShareGptRecord => ({
  conversations: [
    { from: 'human', value: promptOf(pair) },
    { from: 'gpt', value: pair.output },
  ],
});

export const toOpenAiChat = (pair: TrainingPair): OpenAiChatRecord => ({
  messages: [
    { role: 'user', content: promptOf(pair) },
    { role: 'assistant', content: pair.output },
  ],
});

/**
 * Streams one JSON object per line for every row that has a training pair; the others are counted as
 * skipped. Waits for 'drain' on a slow consumer. Does not end `out` (the caller owns it).
 */
export async function writeTrainingLines(
  rows: AsyncIterable<ExportRow>,
  out: NodeJS.WritableStream,
  toRecord: (pair: TrainingPair) => object,
): Promise<TrainingExportResult> {
  let count = 0;
  let skipped = 0;
  let batch = '';
  for await (const row of rows) {
    const pair = trainingPair(row);
    if (pair === null) {
      skipped++;
      continue;
    }
    batch += `${JSON.stringify(toRecord(pair))}\n`;
    count++;
    if (batch.length >= BATCH_BYTES) {
      await writeChunk(out, batch);
      batch = '';
    }
  }
  if (batch.length > 0) await writeChunk(out, batch);
  return { count, skipped };
}

/** Alpaca: `{"instruction", "input", "output"}` per line. */
export const writeAlpaca = (rows: AsyncIterable<ExportRow>, out: NodeJS.WritableStream): Promise<TrainingExportResult> =>
  writeTrainingLines(rows, out, toAlpaca);

/** ShareGPT: `{"conversations": [{"from": "human", ...}, {"from": "gpt", ...}]}` per line. */
export const writeShareGpt = (rows: AsyncIterable<ExportRow>, out: NodeJS.WritableStream): Promise<TrainingExportResult> =>
  writeTrainingLines(rows, out, toShareGpt);

/** OpenAI chat fine-tuning: `{"messages": [{"role": "user", ...}, {"role": "assistant", ...}]}` per line. */
export const writeOpenAiChat = (rows: AsyncIterable<ExportRow>, out: NodeJS.WritableStream): Promise<TrainingExportResult> =>
  writeTrainingLines(rows, out, toOpenAiChat);
