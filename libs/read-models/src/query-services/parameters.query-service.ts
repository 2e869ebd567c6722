import { READ_SQL, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { latestParameters, type ParametersRow } from '../queries/parameters.queries';

/** A project's saved prompt parameters. */
@Injectable()
export class ParametersQueries {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  latest(projectId: string): Promise<ParametersRow | null> {
    return latestParameters(this.sql, projectId);
  }
}
