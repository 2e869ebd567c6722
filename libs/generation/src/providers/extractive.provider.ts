import { difficultyForComplexity, type GeneratedItem, type GenerationMode } from '@compileo/domain';
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
import { negativeDrafts } from './extractive/negative-drafts';
import { negativeCount } from '../negatives/negative-answer';
import { templateForMode } from '../prompts/render-prompt';
import { orderCandidates } from './extractive/candidate-order';
import { extractiveSettings } from './extractive/prompt-fields';

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
 * answer is made of sentences copied from the chunk (with answer_style step_by_step, joined by "First, …
 * Then, …"). It reads no prompt text, but honours what it can of the prompt fields:
 *  - question_style: factual questions built from the sentence's structure ("What does treatment combine?",
 *    "How is diabetes diagnosed?"), analytical ones ("Why …?" when the sentence gives a reason, else "How
 *    does … explain <noun phrase>?"), case-based ones around a noun phrase; every question passes the quality
 *    scorer's grammar check, or the next wording is used;
 *  - answer_style: concise (one sentence), comprehensive (two or three), step_by_step (ordered steps);
 *  - complexity_level: sentences nearest the target difficulty first;
 *  - max_tokens: a cap on each answer's estimated tokens (whole sentences only, never cut mid-sentence);
 *  - temperature: a seeded shuffle of the sentence order (same request and variant → same items);
 *  - mode, count, categories, negativity_ratio, variant and avoid.
 * Sentences that lead into a list or code ("…like:"), end dangling or are code are never used. Each item's
 * metadata lists `prompt_fields_used` and `prompt_fields_ignored` (purpose, audience, domain, extraction_rules,
 * custom_prompt: what only a language model can follow); the result's promptName is the mode's template, never
 * `custom`, since a custom prompt is not applied.
 *
 * negatives (the job's allocation of negativity_ratio; alone, round(count × ratio)): in every mode but
 * summarization, that many of the items are negative: a
 * question about an aspect of the chunk's topic that the chunk verifiably lacks (see negative-drafts.ts),
 * answered NEGATIVE_ANSWER (question mode: answer null), with metadata.negative = true. Negatives are spread
 * evenly among the grounded items. When the chunk covers too many aspects to find enough negatives, the
 * remaining slots hold grounded items instead.
 */
export class ExtractiveProvider implements ModelProvider {
  readonly name = 'extractive';

  async generate(request: GenerationRequest): Promise<GenerationResult> {
    request.signal?.throwIfAborted();
    // A custom prompt is recorded as ignored on each item; the items follow the mode's own template.
    const promptName = request.promptName === 'custom' ? templateForMode(request.mode).name : request.promptName;
    return { items: extractItems(request), model: this.name, promptName };
  }
}

export const extractItems = (request: GenerationRequest): GeneratedItem[] => {
  const candidates = candidateSentences(request.chunk.text);
  if (candidates.length === 0 || request.count < 1) return [];
  const ctx = draftContext(request, candidates);
  const avoid = new Set(request.avoid.map(normalizeText));
  const seen = new Set<string>();
  const take = (drafts: Iterable<Draft>, limit: number): GeneratedItem[] => {
    const items: GeneratedItem[] = [];
    for (const draft of drafts) {
      if (items.length >= limit) break;
      const keys = [draft.question, draft.answer].filter((t): t is string => t !== null && !draft.negative).map(normalizeText);
      if (draft.negative) keys.push(normalizeText(draft.question));
      const combined = normalizeText(`${draft.question} ${draft.answer ?? ''}`);
      // Within a call neither a question nor an answer repeats (negatives share their answer, so only their
      // question counts); nothing equal to an `avoid` text comes back.
      if (keys.some((k) => seen.has(k) || avoid.has(k)) || avoid.has(combined)) continue;
      keys.forEach((k) => seen.add(k));
      items.push(toItem(draft, request, ctx));
    }
    return items;
  };
  const wanted = Math.min(request.count, request.negatives ?? negativeCount(request.count, request.parameters.negativity_ratio));
  const offset = Math.max(0, request.variant) * Math.max(1, wanted);
  const negatives = wanted > 0 ? take(negativeDrafts(ctx, { mode: request.mode, heading: request.chunk.heading, offset }), wanted) : [];
  const positives = take(DRAFTS[request.mode](ctx), request.count - negatives.length);
  return interleave(positives, negatives);
};

/** Negatives spread evenly through the positives: the i-th of n lands near position (i + ½) × total / n. */
const interleave = (positives: readonly GeneratedItem[], negatives: readonly GeneratedItem[]): GeneratedItem[] => {
  if (negatives.length === 0) return [...positives];
  const total = positives.length + negatives.length;
  const slots = new Set(negatives.map((_, i) => Math.floor(((i + 0.5) * total) / negatives.length)));
  const out: GeneratedItem[] = [];
  let p = 0;
  let n = 0;
  for (let at = 0; at < total; at++) {
    if ((slots.has(at) && n < negatives.length) || p >= positives.length) out.push(negatives[n++]);
    else out.push(positives[p++]);
  }
  return out;
};

const draftContext = (request: GenerationRequest, candidates: DraftContext['candidates']): DraftContext => {
  const { heading, documentName, text } = request.chunk;
  const name = documentName.trim() || 'text';
  const offset = (Math.max(0, request.variant) * Math.max(1, request.count)) % candidates.length;
  const settings = extractiveSettings(request);
  const rotated = [...candidates.slice(offset), ...candidates.slice(0, offset)];
  return {
    candidates,
    rotated: orderCandidates(rotated, settings, `${request.chunk.id}:${request.variant}:${settings.temperature}`),
    settings,
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
    prompt_fields_used: ctx.settings.used,
    prompt_fields_ignored: ctx.settings.ignored,
    source_sentences: draft.sentences.map((s) => s.text),
    sentence_indexes: draft.sentences.map((s) => s.position),
    char_offsets: draft.sentences.map((s) => [s.start, s.start + s.text.length]),
    ...(draft.keyPoints ? { key_points: draft.keyPoints } : {}),
    ...(draft.negative ? { negative: true, negative_aspect: draft.negative.aspect, absent_terms: draft.negative.absentTerms } : {}),
  };
  const base: GeneratedItem = {
    question: draft.question,
    answer: draft.answer,
    category: pickCategory(request.categories, request.chunk.text, `${draft.question} ${source}`, request.chunk.heading),
    // A negative has no source sentences to judge: it sits at the requested difficulty.
    difficulty: draft.negative ? difficultyForComplexity(request.parameters.complexity_level) : estimateDifficulty(source),
    metadata,
  };
  return draft.instruction === undefined
    ? base
    : { ...base, instruction: draft.instruction, input: draft.input ?? source, output: draft.answer ?? source };
};
