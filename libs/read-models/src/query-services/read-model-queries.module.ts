import { Module } from '@nestjs/common';
import { DatasetsQueries } from './datasets.query-service';
import { DocumentsQueries } from './documents.query-service';
import { EntriesQueries } from './entries.query-service';
import { FeedbackQueries } from './feedback.query-service';
import { JobsQueries } from './jobs.query-service';
import { ParametersQueries } from './parameters.query-service';
import { ProjectsQueries } from './projects.query-service';
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
 * (SQL_CLIENT, provided by the platform module). Controllers and resolvers inject these, never SQL.
 */
@Module({ providers: QUERIES, exports: QUERIES })
export class ReadModelQueriesModule {}
