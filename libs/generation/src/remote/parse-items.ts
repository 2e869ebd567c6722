import { jsonrepair } from 'jsonrepair';
import type { GeneratedItem, GenerationMode } from '@compileo/domain';
import type { ZodError } from 'zod';
import type { InvalidItem } from '../model-provider.port';
import { NEGATIVE_ANSWER, isNegativeAnswer } from '../negatives/negative-answer';
import {
  ITEM_SCHEMAS,
  itemShapeFor,
  type ItemShape,
  type InstructionItem,
  type QaItem,
  type QuestionItem,
  type SummarizationItem,
} from './item-schema';

export interface ParsedItems {
  readonly items: readonly GeneratedItem[];
  /** Every item (or the whole text) that could not be used, with why: nothing is dropped silently. */
  readonly invalid: readonly InvalidItem[];
}

/** Keys models wrap their list in, besides the `items` the prompts ask for. */
const WRAPPER_KEYS = ['items', 'pairs', 'qa_pairs', 'data', 'questions', 'entries', 'examples', 'results', 'summaries'] as const;
/** How deep wrappers may nest (`{"data": {"items": [...]}}`); deeper is not a wrapper but content. */
const MAX_WRAPPER_DEPTH = 3;

/**
 * Turns a model's reply into items for `mode`. Tolerates what models really send: prose around the JSON,
 * ```json fences, `{items|pairs|data|questions|entries: [...]}` wrappers, a bare array or a single object, and
 * broken or truncated JSON (repaired with jsonrepair; the item cut off by truncation usually fails the
 * schema and lands in `invalid`). Each item is validated on its own so one bad item never costs the others.
 */
export const parseItems = (text: string, mode: GenerationMode): ParsedItems => {
  const parsed = parseJson(text);
  if (!parsed.ok) return { items: [], invalid: [{ raw: text, reason: parsed.reason }] };
  const candidates = unwrap(parsed.value);
  if (candidates === null)
    return {
      items: [],
      invalid: [{ raw: parsed.value, reason: `expected a JSON object or array of items, got ${describe(parsed.value)}` }],
    };
  const items: GeneratedItem[] = [];
  const invalid: InvalidItem[] = [];
  for (const raw of candidates) {
    const result = validateItem(raw, mode);
    if (result.ok) items.push(result.item);
    else invalid.push({ raw, reason: result.reason });
  }
  return { items, invalid };
};

type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

const parseJson = (text: string): JsonResult => {
  const json = extractJson(text);
  if (json === null) return { ok: false, reason: text.trim() === '' ? 'empty response' : 'no JSON found in the response' };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    // Only reached for malformed JSON: repair is a fallback, never applied to valid input.
  }
  try {
    return { ok: true, value: JSON.parse(jsonrepair(json)) };
  } catch (error) {
    return { ok: false, reason: `unparseable JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
};

const FENCE = /```[a-zA-Z0-9_-]*[ \t]*\r?\n?([\s\S]*?)(?:```|$)/g;

/**
 * The JSON part of a reply: the first fenced block that holds JSON (an unclosed fence counts: the reply may
 * be truncated), else the JSON in the text itself. Null when there is none.
 */
export const extractJson = (text: string): string | null => {
  for (const match of text.matchAll(FENCE)) {
    const inner = jsonSpan(match[1] ?? '');
    if (inner !== null) return inner;
  }
  return jsonSpan(text);
};

/**
 * From the first bracket that opens JSON to its matching close, or to the end of the text when it never
 * closes (a truncated reply: cutting at the last `}` instead would silently lose the item being written).
 * A `[` opens JSON only before `{`, `[`, `"` or `]`, and a `{` only before a key or `}`, so prose such as
 * "[see below]" or "[3]" ahead of the JSON is skipped.
 */
const jsonSpan = (text: string): string | null => {
  const opener = /\[(?=\s*[[{"\]])|\{(?=\s*["'}A-Za-z_])/g;
  const match = opener.exec(text);
  if (match === null) return null;
  const start = match.index;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return text.slice(start);
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The list of candidate items inside a parsed reply, or null when the reply holds no items at all. */
const unwrap = (value: unknown): readonly unknown[] | null => {
  if (Array.isArray(value)) return value as unknown[];
  if (!isRecord(value)) return null;
  // Not a wrapper: one item on its own (models asked for one often drop the list).
  return wrappedList(value, 0) ?? [value];
};

/** The list under a wrapper key, looking through nested wrappers; null when `value` is not a wrapper. */
const wrappedList = (value: Record<string, unknown>, depth: number): readonly unknown[] | null => {
  if (depth >= MAX_WRAPPER_DEPTH) return null;
  const lower = lowerKeys(value);
  // An object with its own question or instruction is an item, whatever else it carries.
  if (typeof lower.question === 'string' || typeof lower.instruction === 'string') return null;
  for (const key of WRAPPER_KEYS) {
    const inner = lower[key];
    if (Array.isArray(inner)) return inner as unknown[];
    if (isRecord(inner)) {
      const nested = wrappedList(inner, depth + 1);
      if (nested !== null) return nested;
    }
  }
  return null;
};

/** Models capitalise keys (`Question`, `Key Points`); the schemas use lower snake case. */
const lowerKeys = (value: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const k = key
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if (!(k in out)) out[k] = v;
  }
  return out;
};

type ItemResult = { readonly ok: true; readonly item: GeneratedItem } | { readonly ok: false; readonly reason: string };

const validateItem = (raw: unknown, mode: GenerationMode): ItemResult => {
  const result = validateShape(raw, mode);
  return result.ok ? { ok: true, item: markNegative(result.item, raw, itemShapeFor(mode)) } : result;
};

const validateShape = (raw: unknown, mode: GenerationMode): ItemResult => {
  const shape = itemShapeFor(mode);
  // Question mode: a bare string in the list is a question.
  const input = shape === 'question' && typeof raw === 'string' ? { question: raw } : raw;
  if (!isRecord(input)) return { ok: false, reason: `expected an object, got ${describe(raw)}` };
  const fields = lowerKeys(input);
  switch (shape) {
    case 'qa': {
      const r = ITEM_SCHEMAS.qa.safeParse(fields);
      return r.success ? { ok: true, item: fromQa(r.data) } : { ok: false, reason: zodReason(r.error) };
    }
    case 'question': {
      const r = ITEM_SCHEMAS.question.safeParse(fields);
      return r.success ? { ok: true, item: fromQuestion(r.data) } : { ok: false, reason: zodReason(r.error) };
    }
    case 'summarization': {
      const r = ITEM_SCHEMAS.summarization.safeParse(fields);
      return r.success ? { ok: true, item: fromSummary(r.data) } : { ok: false, reason: zodReason(r.error) };
    }
    case 'instruction': {
      const r = ITEM_SCHEMAS.instruction.safeParse(fields);
      return r.success ? { ok: true, item: fromInstruction(r.data) } : { ok: false, reason: zodReason(r.error) };
    }
  }
};

/**
 * Negative items (negativity_ratio): an answer (instruction output) equal to NEGATIVE_ANSWER, ignoring case
 * and punctuation, marks the item metadata.negative = true, and the answer is set to the canonical
 * NEGATIVE_ANSWER so every negative reads the same. In question mode, where there is no answer to judge, the
 * marker answer or an explicit `"negative": true` flags the item, and its answer becomes null like every
 * question-mode item's. Summaries are never negative.
 */
const markNegative = (item: GeneratedItem, raw: unknown, shape: ItemShape): GeneratedItem => {
  if (shape === 'summarization') return item;
  if (shape === 'question') {
    const marker = isRecord(raw) ? lowerKeys(raw).negative : undefined;
    return isNegativeAnswer(item.answer) || marker === true || marker === 'true'
      ? { ...item, answer: null, metadata: { ...item.metadata, negative: true } }
      : item;
  }
  if (!isNegativeAnswer(item.output ?? item.answer)) return item;
  const metadata = { ...item.metadata, negative: true };
  return shape === 'instruction'
    ? { ...item, answer: NEGATIVE_ANSWER, output: NEGATIVE_ANSWER, metadata }
    : { ...item, answer: NEGATIVE_ANSWER, metadata };
};

/** Only set `difficulty` when the model gave a known one, so the caller's fallback applies otherwise. */
const withDifficulty = (item: GeneratedItem, difficulty: GeneratedItem['difficulty']): GeneratedItem =>
  difficulty === undefined ? item : { ...item, difficulty };

const fromQa = (d: QaItem): GeneratedItem => withDifficulty({ question: d.question, answer: d.answer, category: d.category }, d.difficulty);

const fromQuestion = (d: QuestionItem): GeneratedItem =>
  withDifficulty({ question: d.question, answer: d.answer, category: d.category }, d.difficulty);

/** Key points travel in metadata (product spec §3). */
const fromSummary = (d: SummarizationItem): GeneratedItem =>
  withDifficulty(
    {
      question: d.question,
      answer: d.answer,
      category: d.category,
      ...(d.key_points && d.key_points.length > 0 ? { metadata: { key_points: d.key_points } } : {}),
    },
    d.difficulty,
  );

/** Instruction items also fill question/answer (instruction/output), as the extractive provider does, so scoring and dedup work unchanged. */
const fromInstruction = (d: InstructionItem): GeneratedItem =>
  withDifficulty(
    { question: d.instruction, answer: d.output, category: d.category, instruction: d.instruction, input: d.input, output: d.output },
    d.difficulty,
  );

const zodReason = (error: ZodError): string =>
  `item does not match the schema: ${error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'item'}: ${i.message}`).join('; ')}`;

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);
