import { z } from 'zod';
import { DIFFICULTIES, type Difficulty, type GenerationMode } from '@compileo/domain';

/**
 * What one item from a remote model must look like, per generation mode, and the JSON schema sent to vendors
 * that support structured output. The zod schemas validate what came back; the JSON schema only steers the
 * model, so it is kept to the subset every vendor accepts (Gemini's responseSchema: type, properties,
 * required, items, enum; no $ref, no additionalProperties, no union types).
 */

/** Which item shape a mode produces: several modes share the question/answer shape. */
export type ItemShape = 'qa' | 'question' | 'summarization' | 'instruction';

export const itemShapeFor = (mode: GenerationMode): ItemShape => {
  switch (mode) {
    case 'question':
      return 'question';
    case 'summarization':
      return 'summarization';
    case 'instruction':
      return 'instruction';
    default:
      return 'qa';
  }
};

/** Spellings models use for a difficulty, mapped onto the four the service knows. */
const DIFFICULTY_ALIASES: Readonly<Record<string, Difficulty>> = {
  beginner: 'beginner',
  basic: 'beginner',
  easy: 'beginner',
  simple: 'beginner',
  elementary: 'beginner',
  intermediate: 'intermediate',
  medium: 'intermediate',
  moderate: 'intermediate',
  advanced: 'advanced',
  hard: 'advanced',
  difficult: 'advanced',
  expert: 'expert',
  'very hard': 'expert',
  'very difficult': 'expert',
};

/**
 * A model's difficulty mapped to beginner..expert; anything unrecognised is undefined (not an error), so the
 * caller falls back to the target difficulty instead of losing an otherwise good item.
 */
export const normalizeDifficulty = (value: unknown): Difficulty | undefined => {
  if (typeof value !== 'string') return undefined;
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  return DIFFICULTY_ALIASES[key];
};

const text = z.string().trim().min(1, 'must not be empty');
/** Models write numbers or booleans where text was asked for; those are coerced, objects are not. */
const looseText = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());
const category = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null));
const difficulty = z.unknown().transform(normalizeDifficulty);

export const qaItemSchema = z.object({ question: text, answer: text, category, difficulty });

/** Question mode: the answer is optional and normally null. */
export const questionItemSchema = z.object({
  question: text,
  answer: z
    .union([z.string(), z.null()])
    .optional()
    .transform((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null)),
  category,
  difficulty,
});

/** Summarization: `question` holds the instruction, `answer` the summary, `key_points` are optional. */
export const summarizationItemSchema = z.object({
  question: text,
  answer: text,
  key_points: z
    .array(looseText)
    .optional()
    .transform((v) => v?.filter((p) => p !== '')),
  category,
  difficulty,
});

/** Instruction mode: the input may legitimately be empty (an instruction that needs no excerpt). */
export const instructionItemSchema = z.object({
  instruction: text,
  input: looseText.optional().transform((v) => v ?? ''),
  output: text,
  category,
  difficulty,
});

export const ITEM_SCHEMAS = {
  qa: qaItemSchema,
  question: questionItemSchema,
  summarization: summarizationItemSchema,
  instruction: instructionItemSchema,
} as const;

export type QaItem = z.output<typeof qaItemSchema>;
export type QuestionItem = z.output<typeof questionItemSchema>;
export type SummarizationItem = z.output<typeof summarizationItemSchema>;
export type InstructionItem = z.output<typeof instructionItemSchema>;

/** A JSON schema in the vendor-compatible subset (see the file comment). */
export type JsonSchema = Readonly<Record<string, unknown>>;

const str = { type: 'string' } as const;
const META_PROPERTIES = { category: str, difficulty: { type: 'string', enum: [...DIFFICULTIES] } } as const;

/**
 * Item properties per shape. Question mode leaves `answer` out: a null-only field cannot be expressed in the
 * common subset, and the parser accepts its absence.
 */
const ITEM_JSON_SCHEMAS: Readonly<Record<ItemShape, JsonSchema>> = {
  qa: {
    type: 'object',
    properties: { question: str, answer: str, ...META_PROPERTIES },
    required: ['question', 'answer', 'category', 'difficulty'],
  },
  question: {
    type: 'object',
    properties: { question: str, ...META_PROPERTIES },
    required: ['question', 'category', 'difficulty'],
  },
  summarization: {
    type: 'object',
    properties: { question: str, answer: str, key_points: { type: 'array', items: str }, ...META_PROPERTIES },
    required: ['question', 'answer', 'category', 'difficulty'],
  },
  instruction: {
    type: 'object',
    properties: { instruction: str, input: str, output: str, ...META_PROPERTIES },
    required: ['instruction', 'input', 'output', 'category', 'difficulty'],
  },
};

/** The response schema sent to vendors: `{ "items": [item, ...] }`, matching the prompt templates. */
export const responseJsonSchema = (mode: GenerationMode): JsonSchema => ({
  type: 'object',
  properties: { items: { type: 'array', items: ITEM_JSON_SCHEMAS[itemShapeFor(mode)] } },
  required: ['items'],
});
