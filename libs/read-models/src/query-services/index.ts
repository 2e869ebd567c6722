export * from './projects.query-service';
export * from './documents.query-service';
export * from './taxonomies.query-service';
export * from './parameters.query-service';
export * from './jobs.query-service';
export * from './datasets.query-service';
export * from './entries.query-service';
export * from './read-model-queries.module';
