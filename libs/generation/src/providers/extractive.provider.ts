import type { GeneratedItem, GenerationMode } from '@compileo/domain';
import type { GenerationRequest, GenerationResult, ModelProvider } from '../model-provider.port';
import { normalizeText } from '../dedup/near-duplicate';
import { termFrequency } from '../text/keywords';
import { candidateSentences } from './extractive/candidate-sentences';
import { pickCategory } from './extractive/category-picker';
import { estimateDifficulty } from '../text/difficulty';
import { joinSentences, type Draft, type DraftContext } from './extractive/draft-context';
import { instructionDrafts } from './extractive/instruction-drafts';
import { answerDrafts, qaDrafts, questionDrafts } from './extractive/qa-drafts';
import { asQuestionStyle } from './extractive/question-phrasing';
import { summaryDrafts } from './extractive/summary-drafts';

const DRAFTS: Readonly<Record<GenerationMode, (ctx: DraftContext) => Generator<Draft>>> = {
  default: qaDrafts,
  qa_pairs: qaDrafts,
  question: questionDrafts,
  answer: answerDrafts,
  summarization: summaryDrafts,
  instruction: instructionDrafts,
};

/**
 * The built-in offline model: deterministic (same request → same items), no network, and grounded: every
 * answer is made of sentences copied from the chunk. The prompt is ignored; mode, count, categories,
 * question_style, variant and avoid are honoured.
 */
export class ExtractiveProvider implements ModelProvider {
  readonly name = 'extractive';

  async generate(request: GenerationRequest): Promise<GenerationResult> {
    request.signal?.throwIfAborted();
    return { items: extractItems(request), model: this.name };
  }
}

export const extractItems = (request: GenerationRequest): GeneratedItem[] => {
  const candidates = candidateSentences(request.chunk.text);
  if (candidates.length === 0 || request.count < 1) return [];
  const ctx = draftContext(request, candidates);
  const avoid = new Set(request.avoid.map(normalizeText));
  const seen = new Set<string>();
  const items: GeneratedItem[] = [];
  for (const draft of DRAFTS[request.mode](ctx)) {
    if (items.length >= request.count) break;
    const keys = [draft.question, draft.answer].filter((t): t is string => t !== null).map(normalizeText);
    const combined = normalizeText(`${draft.question} ${draft.answer ?? ''}`);
    // Within a call neither a question nor an answer repeats; nothing equal to an `avoid` text comes back.
    if (keys.some((k) => seen.has(k) || avoid.has(k)) || avoid.has(combined)) continue;
    keys.forEach((k) => seen.add(k));
    items.push(toItem(draft, request, ctx));
  }
  return items;
};

const draftContext = (request: GenerationRequest, candidates: DraftContext['candidates']): DraftContext => {
  const { heading, documentName, text } = request.chunk;
  const name = documentName.trim() || 'text';
  const offset = (Math.max(0, request.variant) * Math.max(1, request.count)) % candidates.length;
  return {
    candidates,
    rotated: [...candidates.slice(offset), ...candidates.slice(0, offset)],
    scope: heading ? `the section on "${heading}"` : `the document "${name}"`,
    target: heading ? `the section '${heading}'` : `the document '${name}'`,
    style: asQuestionStyle(request.parameters.question_style),
    variant: Math.max(0, request.variant),
    frequency: termFrequency(text),
    chunkText: text,
  };
};

const toItem = (draft: Draft, request: GenerationRequest, ctx: DraftContext): GeneratedItem => {
  const source = joinSentences(draft.sentences);
  const metadata = {
    provider: 'extractive',
    question_style: ctx.style,
    variant: ctx.variant,
    source_sentences: draft.sentences.map((s) => s.text),
    sentence_indexes: draft.sentences.map((s) => s.position),
    char_offsets: draft.sentences.map((s) => [s.start, s.start + s.text.length]),
    ...(draft.keyPoints ? { key_points: draft.keyPoints } : {}),
  };
  const base: GeneratedItem = {
    question: draft.question,
    answer: draft.answer,
    category: pickCategory(request.categories, request.chunk.text, `${draft.question} ${source}`, request.chunk.heading),
    difficulty: estimateDifficulty(source),
    metadata,
  };
  return draft.instruction === undefined
    ? base
    : { ...base, instruction: draft.instruction, input: draft.input ?? source, output: draft.answer ?? source };
};
