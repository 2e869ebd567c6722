import 'reflect-metadata';
import { DATA_DIR_LOCK, type DataDirLock, ensurePortFree, exitOnStartupFailure, listenStartupError, loadConfig } from '@compileo/platform';
import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  // A second starter on this DATA_DIR is told which port the holder serves (PORT=0 picks one at listen).
  const address = (app.getHttpServer() as Server).address() as AddressInfo | null;
  if (address) app.get<DataDirLock | null>(DATA_DIR_LOCK)?.setPort(address.port);
  const mode = config.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${config.DATA_DIR}`;
  new Logger('Startup').log(`Compileo Datasets listening on http://${config.HOST}:${config.PORT} (${mode})`);
}

bootstrap().catch(exitOnStartupFailure);
