export { JobsModule } from './jobs.module';
export { logJobRequested } from './job-log';
