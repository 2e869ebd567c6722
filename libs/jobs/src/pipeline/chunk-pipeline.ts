import type { DatasetState, EntryContent, ScoredItem, Usage } from '@compileo/domain';
import {
  asAugmentation,
  augmentItems,
  dedupText,
  DuplicateIndex,
  type Judge,
  type ModelProvider,
  type ModelRegistry,
  runInSlices,
  type Sliced,
  type SourceChunk,
} from '@compileo/generation';
import { drawItems, messageOf, type Drawn } from './draw-items';
import { toEntryContent } from './entry-content';
import { judgeItems, sumCosts, withJudgeUsage, type JudgeOutcome } from './judge-items';
import { withoutNul } from './without-nul';

type Request = NonNullable<DatasetState['request']>;

/** What one job's chunks share: the dataset's request, its model, the judge and the price table. */
export interface PipelineContext {
  readonly request: Request;
  readonly provider: ModelProvider;
  readonly judge: Judge | null;
  readonly models: Pick<ModelRegistry, 'costOf'>;
  /** Seeds augmentation variants, so a re-run of a chunk draws the same ones. */
  readonly datasetId: string;
}

/** The context of a job over one dataset: its request, the model it runs on, and the configured judge. */
export const pipelineContext = (models: ModelRegistry, request: Request, provider: ModelProvider, datasetId: string): PipelineContext => ({
  request,
  provider,
  judge: models.judge(),
  models,
  datasetId,
});

/** The dataset's accepted entries, indexed for the near-duplicate check (in slices: a dataset can be large). */
export const entryIndex = (state: DatasetState): Promise<DuplicateIndex> => runInSlices(indexSteps(state));

function* indexSteps(state: DatasetState): Sliced<DuplicateIndex> {
  const index = new DuplicateIndex();
  for (const entry of state.entries.values()) {
    index.add(entry.entryId, dedupText(entry.content));
    yield;
  }
  return index;
}

export interface Draft {
  readonly count: number;
  /** How many of the `count` items must be negative (the job's allocation of negativity_ratio). */
  readonly negatives: number;
  readonly variant: number;
  readonly avoid: readonly string[];
  readonly signal: AbortSignal;
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** Adds the request's `data_augmentation` variants (a regeneration replaces one entry: none). */
  readonly augment: boolean;
}

/** A chunk as the model saw it: items (augmented and judged), what the calls cost, and why it failed if it did. */
export interface DrawnChunk {
  readonly chunk: SourceChunk;
  readonly drawn: Drawn;
  readonly verdicts: readonly JudgeOutcome[] | null;
  readonly usage: Usage | null;
  readonly failure: string | null;
}

/**
 * Prompt → model → parse → augment → judge for one chunk. Model calls run here, outside any lock.
 * Returns null when the job was aborted (shutdown or cancel), so nothing is recorded for the chunk.
 */
export const drawChunk = async (ctx: PipelineContext, chunk: SourceChunk, draft: Draft): Promise<DrawnChunk | null> => {
  const { request } = ctx;
  let failure: string | null = null;
  let drawn: Drawn = { items: [], model: request.model, promptName: request.config.prompt_name, usage: null, invalid: [] };
  try {
    drawn = await drawItems(ctx.provider, request, chunk, draft);
    if (drawn.items.length === 0)
      failure = `the model produced no valid items for this chunk${drawn.invalid.length ? ` (${drawn.invalid.length} invalid)` : ''}`;
  } catch (error) {
    if (draft.signal.aborted) return null;
    failure = messageOf(error);
  }
  const items = draft.augment
    ? augmentItems(drawn.items, asAugmentation(request.config.parameters.data_augmentation), `${ctx.datasetId}:${chunk.id}`)
    : drawn.items;
  const verdicts =
    request.config.analyze_quality && ctx.judge && items.length ? await judgeItems(ctx.judge, items, chunk.text, draft.signal) : null;
  if (draft.signal.aborted) return null;
  const spent = withJudgeUsage(drawn.usage, verdicts);
  const judgeUsage = withJudgeUsage(null, verdicts);
  const cost = sumCosts(
    drawn.usage && ctx.models.costOf(drawn.model, drawn.usage),
    judgeUsage && ctx.judge && ctx.models.costOf(ctx.judge.model, judgeUsage),
  );
  // Model text may hold NUL characters, which the log (PostgreSQL jsonb) cannot store.
  return {
    chunk,
    drawn: withoutNul({ ...drawn, items }),
    verdicts,
    usage: spent ? { ...spent, costUsd: cost } : null,
    failure: failure && withoutNul(failure),
  };
};

/**
 * Score → dedup for a drawn chunk: each item as an entry's content, marked with the entry or earlier
 * sibling it nearly repeats. `index` holds the dataset's entries; `self` is the entry being replaced,
 * which a regenerated version may resemble. Runs in the caller's serial section, since `index` is shared.
 */
export const scoreChunk = (
  ctx: PipelineContext,
  { chunk, drawn, verdicts, usage }: DrawnChunk,
  index: DuplicateIndex,
  now: string,
  self?: string,
): ScoredItem[] => {
  const { request } = ctx;
  const items = drawn.items;
  const tokens =
    usage && items.length
      ? { input_tokens: Math.round(usage.inputTokens / items.length), output_tokens: Math.round(usage.outputTokens / items.length) }
      : null;
  const siblings = new DuplicateIndex();
  return items.map((item, k) => {
    const text = dedupText(item);
    const existing = self === undefined ? index.findDuplicate(text) : (index.findAll(text).find((m) => m.id !== self) ?? null);
    // A variant is meant to resemble the item it was made from; only other siblings count as duplicates.
    const origin = item.metadata?.augmented_from;
    const sibling = existing ? null : (siblings.findAll(text).find((m) => m.id !== String(origin)) ?? null);
    siblings.add(String(k), text);
    const duplicateOf = existing
      ? { entryId: existing.id, similarity: existing.similarity }
      : sibling
        ? { batchIndex: Number(sibling.id), similarity: sibling.similarity }
        : undefined;
    const content: EntryContent = toEntryContent(item, {
      chunk,
      config: request.config,
      categories: request.categories,
      model: drawn.model,
      promptName: drawn.promptName,
      now,
      duplicate: !!duplicateOf,
      tokens,
      judged: verdicts?.[k] ?? null,
    });
    return duplicateOf ? { ...content, duplicateOf } : content;
  });
};
