export * from './export-row';
export * from './file-names';
export * from './jsonl-writer';
export * from './parquet-writer';
export * from './zip-writer';
export * from './training-formats';
export * from './export-formats';
