import 'reflect-metadata';
import { ensurePortFree, exitOnStartupFailure, listenStartupError, loadConfig } from '@compileo/platform';
import { Logger } from '@nestjs/common';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await ensurePortFree(config);
  const app = await createApp(config);
  await app.init();
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw listenStartupError(config, error);
  }
  const mode = config.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${config.DATA_DIR}`;
  new Logger('Startup').log(`Compileo Datasets listening on http://${config.HOST}:${config.PORT} (${mode})`);
}

bootstrap().catch(exitOnStartupFailure);
