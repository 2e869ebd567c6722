/** Test support shared by the libraries' and the end-to-end suites; never imported by production code. */
export * from './test-databases';
export * from './domain-workload';
export * from './domain-fixtures';
export * from './seeded-random';
export * from './instrumented-event-store';
export * from './synthetic-document';
export * from './labelled-quality-set';
