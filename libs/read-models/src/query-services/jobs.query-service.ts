import { READ_SQL, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { JobStatus } from '@compileo/domain';
import { findJob, listProjectJobs, recentJobTimings, type JobRow, type JobTimingRow } from '../queries/jobs.queries';
import type { Page, PageRequest } from '../queries/page';

/** Generation and regeneration jobs. */
@Injectable()
export class JobsQueries {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  find(id: string): Promise<JobRow | null> {
    return findJob(this.sql, id);
  }

  /** How the latest finished generation jobs on `model` ran (at most `limit`), for estimates. */
  recentTimings(model: string, limit = 5): Promise<JobTimingRow[]> {
    return recentJobTimings(this.sql, model, limit);
  }

  /** A project's jobs, newest first; only those of `status` unless it is null. */
  listByProject(projectId: string, status: JobStatus | null, page: PageRequest): Promise<Page<JobRow>> {
    return listProjectJobs(this.sql, projectId, status, page);
  }
}
