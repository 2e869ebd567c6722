import { EmbeddedJobBus, JOB_BUS } from '@compileo/bus';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '@compileo/event-store';
import { APP_CONFIG, type AppConfig } from '@compileo/platform';
import { Logger, Module } from '@nestjs/common';
import { GenerationJobProcessor } from './generation/generation-job.processor';
import { JobDispatcher } from './job-dispatcher';
import { RegenerationJobProcessor } from './regeneration/regeneration-job.processor';
import { WorkerLifecycle } from './worker.lifecycle';

/** The job consumer: generation and regeneration, fed by the job bus. Hosts no HTTP. */
@Module({
  providers: [
    GenerationJobProcessor,
    RegenerationJobProcessor,
    JobDispatcher,
    WorkerLifecycle,
    {
      provide: JOB_BUS,
      useFactory: (store: EventStore, sql: SqlClient, config: AppConfig) => {
        const logger = new Logger('JobBus');
        return new EmbeddedJobBus(store, sql, { maxConcurrentJobs: config.COMPILEO_MAX_CONCURRENT_JOBS, onError: (error) => logger.error(error) });
      },
      inject: [EVENT_STORE, SQL_CLIENT, APP_CONFIG],
    },
  ],
})
export class WorkerModule {}
