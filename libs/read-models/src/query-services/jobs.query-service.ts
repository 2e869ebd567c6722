import { SQL_CLIENT, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { findJob, type JobRow } from '../queries/jobs.queries';

/** Generation and regeneration jobs. */
@Injectable()
export class JobsQueries {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlExecutor) {}

  find(id: string): Promise<JobRow | null> {
    return findJob(this.sql, id);
  }
}
