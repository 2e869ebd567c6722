export { JobsModule } from './jobs.module';
export { logJobRequested } from './job-log';
export { scoreEditedContent } from './pipeline/edit-score';
