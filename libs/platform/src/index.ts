export * from './app-config';
export * from './clock';
export * from './database';
export * from './platform.module';
export * from './startup-failure';
