import { SQL_CLIENT, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { latestParameters, type ParametersRow } from '../queries/parameters.queries';

/** A project's saved prompt parameters. */
@Injectable()
export class ParametersQueries {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlExecutor) {}

  latest(projectId: string): Promise<ParametersRow | null> {
    return latestParameters(this.sql, projectId);
  }
}
