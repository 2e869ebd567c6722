import { datasetDecider, datasetStream, negativesForChunk, type RecordChunk, type DatasetState } from '@compileo/domain';
import { CommandRunner } from '@compileo/event-store';
import { SQL_CLIENT, type SqlClient } from '@compileo/sql';
import { dedupText, ModelRegistry, type DuplicateIndex, type ModelProvider, type SourceChunk } from '@compileo/generation';
import { APP_CONFIG, CLOCK, type AppConfig, type Clock } from '@compileo/platform';
import { logChunkFailed, logExported, logJobCompleted, logJobFailed, logJobStarted } from '../job-log';
import { Inject, Injectable } from '@nestjs/common';
import type { JobTrigger } from '@compileo/bus';
import { watchCancellation } from '../job-cancellation';
import { drawChunk, entryIndex, pipelineContext, scoreChunk, type PipelineContext } from '../pipeline/chunk-pipeline';
import { messageOf } from '../pipeline/draw-items';
import { runPool } from '../pipeline/run-pool';
import { SerialLock } from '../pipeline/serial-lock';
import { loadSourceChunks } from '../pipeline/source-chunks';
import { exportToFolder } from './export-to-folder';
import { completeGeneration } from './job-completion';

interface JobContext {
  readonly trigger: JobTrigger;
  readonly pipeline: PipelineContext;
  readonly index: DuplicateIndex;
  readonly lock: SerialLock;
  readonly signal: AbortSignal;
}

/**
 * Runs a generation job chunk by chunk, `concurrency` chunks at a time. Model calls run in parallel;
 * de-duplication and the append of each chunk's result run one at a time, so entry numbering and the
 * duplicate index stay consistent. Each chunk's result is appended with ids derived from the job and
 * chunk, and the decider ignores a chunk already recorded, so a restarted job resumes where it stopped.
 */
@Injectable()
export class GenerationJobProcessor {
  constructor(
    private readonly runner: CommandRunner,
    private readonly models: ModelRegistry,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `claim` records this worker's attempt in the job stream; it is called only for an unfinished job. */
  async run(trigger: JobTrigger, signal: AbortSignal, claim: () => Promise<void>): Promise<void> {
    const stream = datasetStream(trigger.datasetId);
    const unfinished = (s: DatasetState) => !!s.request && s.jobs.get(trigger.jobId)?.finished === false;
    if (!unfinished((await this.runner.load(stream, datasetDecider)).state)) return;
    await claim();
    // Read again under the lease: a worker that held it before may have recorded chunks, or finished, meanwhile.
    const { state } = await this.runner.load(stream, datasetDecider);
    const job = state.jobs.get(trigger.jobId);
    if (!unfinished(state) || !state.request || !job) return;
    logJobStarted(trigger, state.request.chunkIds.length, job.done.size);
    let provider: ModelProvider;
    try {
      provider = this.models.providerFor(this.models.resolve(state.request.model, 'classification_model'));
    } catch (error) {
      await this.fail(trigger, `model unusable: ${messageOf(error)}`);
      return;
    }
    const watch = watchCancellation(this.runner, trigger.datasetId, trigger.jobId, signal);
    try {
      const index = await entryIndex(state);
      const chunks = await loadSourceChunks(this.sql, state.request.chunkIds);
      const pending = state.request.chunkIds.map((id, i) => ({ id, i })).filter(({ i }) => !job.done.has(String(i)));
      const pipeline = pipelineContext(this.models, state.request, provider, trigger.datasetId);
      const ctx: JobContext = { trigger, pipeline, index, lock: new SerialLock(), signal: watch.signal };
      await runPool(pending, state.request.config.concurrency, watch.signal, ({ id, i }) => this.processChunk(ctx, chunks.get(id)!, i));
      watch.stop();
      if (!watch.signal.aborted) await this.finish(trigger, signal);
    } catch (error) {
      // Shutdown or cancellation: the job resumes (or stays cancelled). Anything else fails it, visibly.
      if (!watch.signal.aborted) await this.fail(trigger, `job failed: ${messageOf(error)}`);
    } finally {
      watch.stop();
    }
  }

  private async processChunk(ctx: JobContext, chunk: SourceChunk, chunkIndex: number): Promise<void> {
    const { request } = ctx.pipeline;
    const drawn = await drawChunk(ctx.pipeline, chunk, {
      count: request.config.datasets_per_chunk,
      // Allocated over the whole job by chunk index, so a resumed job asks each chunk for what the first attempt did.
      negatives: negativesForChunk(request.config, chunkIndex),
      variant: 0,
      avoid: [],
      signal: ctx.signal,
      augment: true,
    });
    if (!drawn) return;
    if (drawn.failure) logChunkFailed(ctx.trigger, chunkIndex, drawn.failure);
    const model = drawn.drawn.model;
    await ctx.lock.run(async () => {
      const now = this.clock.now().toISOString();
      const items = scoreChunk(ctx.pipeline, drawn, ctx.index, now);
      const record = (command: Omit<RecordChunk, 'type' | 'jobId' | 'chunkIndex' | 'chunkId' | 'now'>) =>
        this.runner.run(
          datasetStream(ctx.trigger.datasetId),
          datasetDecider,
          { type: 'RecordChunk' as const, jobId: ctx.trigger.jobId, chunkIndex, chunkId: chunk.id, now, ...command },
          {
            idSeed: `${ctx.trigger.jobId}:chunk:${chunkIndex}`,
            metadata: { jobId: ctx.trigger.jobId, correlationId: ctx.trigger.jobId, actor: `model:${model}` },
          },
        );
      // Items the log refuses (one bad value) must not stop the job: the chunk is then recorded as failed.
      const result = await record({ items, invalid: drawn.drawn.invalid, usage: drawn.usage, failure: drawn.failure }).catch(
        (error: unknown) =>
          record({ items: [], invalid: [], usage: drawn.usage, failure: `could not record the chunk's items: ${messageOf(error)}` }),
      );
      for (const event of result.events) {
        if (event.type === 'DatasetChunkProcessed') for (const entry of event.data.accepted) ctx.index.add(entry.entryId, dedupText(entry));
      }
    });
  }

  /** Completes the job (with splits, report and benchmark), or fails it when every chunk failed. */
  private async finish(trigger: JobTrigger, signal: AbortSignal): Promise<void> {
    const { state } = await this.runner.load(datasetStream(trigger.datasetId), datasetDecider);
    const job = state.jobs.get(trigger.jobId);
    const request = state.request;
    if (!job || job.finished || !request) return;
    if (request.chunkIds.length > 0 && job.failedChunks === request.chunkIds.length) {
      await this.fail(
        trigger,
        `every chunk failed (${job.failedChunks} of ${request.chunkIds.length}); see the chunk failures in the dataset history`,
      );
      return;
    }
    const completion = await completeGeneration(this.models, this.sql, state, signal);
    // Before the completion is recorded, so that a client who sees `completed` finds the files. A disk that
    // refuses them is logged; the dataset itself is complete and downloadable.
    await exportToFolder(this.config.DATA_DIR, state, completion.splits).then(
      (files) => logExported(trigger, files),
      (error: unknown) => logExported(trigger, null, messageOf(error)),
    );
    await this.runner.run(
      datasetStream(trigger.datasetId),
      datasetDecider,
      { type: 'CompleteGeneration', jobId: trigger.jobId, ...completion, now: this.clock.now().toISOString() },
      { idSeed: `${trigger.jobId}:complete`, metadata: { jobId: trigger.jobId, correlationId: trigger.jobId, actor: 'worker' } },
    );
    logJobCompleted(trigger, {
      entries: state.entries.size,
      rejected: state.rejected.size,
      chunks_processed: job.done.size,
      chunks_failed: job.failedChunks,
    });
  }

  private async fail(trigger: JobTrigger, error: string): Promise<void> {
    await this.runner.run(
      datasetStream(trigger.datasetId),
      datasetDecider,
      { type: 'FailGeneration', jobId: trigger.jobId, error, now: this.clock.now().toISOString() },
      { idSeed: `${trigger.jobId}:fail`, metadata: { jobId: trigger.jobId, correlationId: trigger.jobId, actor: 'worker' } },
    );
    logJobFailed(trigger, error);
  }
}
