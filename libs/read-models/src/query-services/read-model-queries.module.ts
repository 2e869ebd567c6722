import { Module } from '@nestjs/common';
import { DatasetsQueries } from './datasets.query-service';
import { DocumentsQueries } from './documents.query-service';
import { EntriesQueries } from './entries.query-service';
import { FeedbackQueries } from './feedback.query-service';
import { JobsQueries } from './jobs.query-service';
import { ParametersQueries } from './parameters.query-service';
import { ProjectsQueries } from './projects.query-service';
import { RevisionCache } from './revision-cache';
import { TaxonomiesQueries } from './taxonomies.query-service';

const QUERIES = [
  ProjectsQueries,
  DocumentsQueries,
  TaxonomiesQueries,
  ParametersQueries,
  JobsQueries,
  DatasetsQueries,
  EntriesQueries,
  FeedbackQueries,
];

/**
 * The read side as transports use it: one injectable per read model, owning the SQL handle
 * (READ_SQL: reads that yield to the service's own statements). Controllers and resolvers inject these, never SQL.
 */
@Module({ providers: [...QUERIES, RevisionCache], exports: QUERIES })
export class ReadModelQueriesModule {}
