export * from './app-config';
export * from './clock';
export * from './database';
export * from './job-log';
export * from './platform.module';
export * from './startup-failure';
