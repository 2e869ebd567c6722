export { loadConfig, type AppConfig } from './app-config';
export { CLOCK, systemClock, type Clock } from './clock';
export { openDatabase } from './database';
export { PlatformModule } from './platform.module';
export { ensurePortFree, exitOnStartupFailure, listenStartupError } from './startup-failure';
