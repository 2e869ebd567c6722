import { jobDecider, jobStream } from '@compileo/domain';
import { CommandRunner } from '@compileo/event-store';
import type { JobTrigger } from '@compileo/bus';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject, Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { GenerationJobProcessor } from './generation/generation-job.processor';
import { RegenerationJobProcessor } from './regeneration/regeneration-job.processor';

/** Claims a job in its own stream, then hands it to the processor of its kind. */
@Injectable()
export class JobDispatcher {
  private readonly workerId = `${hostname()}:${process.pid}`;

  constructor(
    private readonly runner: CommandRunner,
    private readonly generation: GenerationJobProcessor,
    private readonly regeneration: RegenerationJobProcessor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  readonly handle = async (trigger: JobTrigger, signal: AbortSignal): Promise<void> => {
    const processor = trigger.kind === 'generation' ? this.generation : this.regeneration;
    await processor.run(trigger, signal, () => this.claim(trigger));
  };

  private async claim(trigger: JobTrigger): Promise<void> {
    await this.runner.run(
      jobStream(trigger.jobId),
      jobDecider,
      {
        type: 'ClaimJob',
        jobId: trigger.jobId,
        datasetId: trigger.datasetId,
        workerId: this.workerId,
        now: this.clock.now().toISOString(),
      },
      { metadata: { jobId: trigger.jobId, correlationId: trigger.jobId, actor: `worker:${this.workerId}` }, maxRetries: 0 },
    );
  }
}
