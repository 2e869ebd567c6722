import { negativesForChunk, projectDecider } from '@compileo/domain';
import {
  chunkPrompt,
  DEFAULT_CALL_LATENCY_MS,
  estimateGeneration,
  estimateTokens,
  ModelRegistry,
  OUTPUT_TOKENS_PER_ITEM,
} from '@compileo/generation';
import { CLOCK, type Clock } from '@compileo/platform';
import { DocumentsQueries, JobsQueries } from '@compileo/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { GenerateInput } from './generate.schema';
import type { GenerationEstimateView } from './generation-estimate.view';
import { GenerationPlanner } from './generation-planner';

const round6 = (usd: number): number => Math.round(usd * 1e6) / 1e6;

/**
 * A dry run: the real request's checks (the planner), then the chunks, calls, tokens, cost and duration
 * the job would take. It reads the read models and decides the dataset's version purely; it appends
 * nothing, so the event log and the read models stay as they were.
 */
@Injectable()
export class GenerationEstimator {
  constructor(
    private readonly planner: GenerationPlanner,
    private readonly models: ModelRegistry,
    private readonly documents: DocumentsQueries,
    private readonly jobs: JobsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async estimate(input: GenerateInput): Promise<GenerationEstimateView> {
    const plan = await this.planner.plan(input);
    const { config, model } = plan;
    const rows = await this.documents.chunksByIds(plan.chunkIds);
    const chunks = plan.chunkIds.map((id) => rows.get(id)!);
    const categories = plan.taxonomy?.categories ?? null;
    const promptTokens = chunks.map((c, i) =>
      estimateTokens(chunkPrompt(config, categories, config.datasets_per_chunk, c.text, negativesForChunk(config, i)).prompt),
    );
    const judge = config.analyze_quality ? this.models.judge() : null;
    const timings = await this.jobs.recentTimings(model.model);
    const e = estimateGeneration({
      promptTokens,
      chunkTokens: chunks.map((c) => estimateTokens(c.text)),
      itemsPerChunk: config.datasets_per_chunk,
      augmented: (config.parameters.data_augmentation ?? 'none') !== 'none',
      judged: judge !== null,
      benchmarked: config.run_benchmarks,
      concurrency: config.concurrency,
      offline: model.provider === 'extractive',
      timings: timings.map((t) => ({ steps: t.steps, elapsedMs: t.elapsed_ms, concurrency: t.concurrency })),
    });
    const generationCost = this.models.costOf(model.model, {
      inputTokens: e.generationTokens.input,
      outputTokens: e.generationTokens.output,
    });
    const judgeCost = judge && this.models.costOf(judge.model, { inputTokens: e.judgeTokens.input, outputTokens: e.judgeTokens.output });
    const cost = generationCost === null || (judge && judgeCost === null) ? null : round6(generationCost + (judgeCost ?? 0));
    const input_ = e.generationTokens.input + e.judgeTokens.input;
    const output = e.generationTokens.output + e.judgeTokens.output;
    return {
      dry_run: true,
      message: 'Dry run: nothing was recorded and no job was started',
      project_id: plan.projectId,
      model: model.model,
      judge_model: judge?.model ?? null,
      dataset_name: input.dataset_name,
      version: this.version(plan.project, plan.projectId, input),
      chunk_count: chunks.length,
      chunks: chunks.map((c, i) => ({
        id: c.id,
        document_id: c.document_id,
        file_name: c.file_name,
        chunk_index: c.chunk_index,
        char_count: c.text.length,
        prompt_tokens: promptTokens[i],
      })),
      entries_requested: e.entries,
      model_calls: e.calls,
      estimated_tokens: { input: input_, output, total: input_ + output },
      estimated_cost_usd: cost,
      estimated_duration: {
        seconds: Math.round(e.durationMs / 100) / 10,
        latency_ms_per_call: e.latency.msPerCall,
        basis: e.latency.basis,
        observed_jobs: e.latency.jobs,
        concurrency: config.concurrency,
      },
      assumptions: [
        'tokens: 4 characters each; output: ' + `${OUTPUT_TOKENS_PER_ITEM} tokens per item`,
        'model calls: one per chunk; a chunk whose reply has fewer valid items takes a top-up call more',
        `duration: rounds of \`concurrency\` calls at the observed per-call latency of the model's last finished jobs, else ${DEFAULT_CALL_LATENCY_MS.remote} ms (${DEFAULT_CALL_LATENCY_MS.offline} ms offline)`,
      ],
    };
  }

  /** The version a named dataset would get, decided on the project's state without recording it. */
  private version(project: Parameters<typeof projectDecider.decide>[1], projectId: string, input: GenerateInput): string {
    if (!input.dataset_name) return '1.0.0';
    const [allocated] = projectDecider.decide(
      {
        type: 'AllocateDatasetVersion',
        projectId,
        datasetId: 'dry-run',
        name: input.dataset_name,
        versioned: input.enable_versioning,
        now: this.clock.now().toISOString(),
      },
      project,
    );
    return allocated.type === 'DatasetVersionAllocated' ? allocated.data.version : '1.0.0';
  }
}
