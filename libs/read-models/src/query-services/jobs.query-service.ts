import { READ_SQL, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { findJob, type JobRow } from '../queries/jobs.queries';

/** Generation and regeneration jobs. */
@Injectable()
export class JobsQueries {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  find(id: string): Promise<JobRow | null> {
    return findJob(this.sql, id);
  }
}
