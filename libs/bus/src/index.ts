export * from './job-bus.port';
export * from './trigger-of';
export * from './embedded/embedded-job-bus';
export * from './bus.migrations';
