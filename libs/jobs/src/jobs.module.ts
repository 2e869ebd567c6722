import { Module } from '@nestjs/common';
import { GenerationJobProcessor } from './generation/generation-job.processor';
import { JobDispatcher } from './job-dispatcher';
import { JobsLifecycle } from './jobs.lifecycle';
import { RegenerationJobProcessor } from './regeneration/regeneration-job.processor';

/**
 * The job consumer: generation and regeneration, fed by the job bus that the platform chose. Hosts no
 * HTTP; the worker app runs it alone, the embedded root beside the API.
 */
@Module({ providers: [GenerationJobProcessor, RegenerationJobProcessor, JobDispatcher, JobsLifecycle] })
export class JobsModule {}
