export { APP_CONFIG, loadConfig, type AppConfig } from './app-config';
export { CLOCK, systemClock, type Clock } from './clock';
export { openDatabase } from './database';
export { PlatformModule } from './platform.module';
export { DATA_DIR_LOCK } from './platform.providers';
export type { DataDirLock } from './data-dir-lock';
export { ensurePortFree, exitOnStartupFailure, listenStartupError } from './startup-failure';
export { WORKER_ID } from './worker-id';
