import { READ_SQL, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { findTaxonomy, findTaxonomyByName, listTaxonomies, type TaxonomyRow } from '../queries/taxonomies.queries';

/** Taxonomies, by id, by (project, name), or listed. */
@Injectable()
export class TaxonomiesQueries {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  list(projectId?: string): Promise<TaxonomyRow[]> {
    return listTaxonomies(this.sql, projectId);
  }

  find(id: string): Promise<TaxonomyRow | null> {
    return findTaxonomy(this.sql, id);
  }

  findByName(projectId: string, name: string): Promise<TaxonomyRow | null> {
    return findTaxonomyByName(this.sql, projectId, name);
  }
}
