import { READ_SQL, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { findProject, listProjects, type ProjectRow } from '../queries/projects.queries';

/** Projects as the read model holds them; every transport (REST, GraphQL) reads through this. */
@Injectable()
export class ProjectsQueries {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  list(): Promise<ProjectRow[]> {
    return listProjects(this.sql);
  }

  find(id: string): Promise<ProjectRow | null> {
    return findProject(this.sql, id);
  }
}
