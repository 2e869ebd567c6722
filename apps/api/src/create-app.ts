import type { AppConfig } from '@compileo/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { EmbeddedModule } from './embedded.module';
import { AppExceptionFilter } from './http/app-exception.filter';
import { jsonBody } from './http/json-body';
import { LimitedExpressAdapter } from './http/limited-express-adapter';

/** Builds the HTTP app as `main` runs it; the end-to-end tests use the same function. */
export const createApp = async (config: AppConfig): Promise<INestApplication> => {
  // A failure while building the app is thrown, not logged in Nest's format: `main` logs it as one JSON line.
  const app = await NestFactory.create<NestExpressApplication>(EmbeddedModule.forRoot(config), new LimitedExpressAdapter(config), {
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  app.use(jsonBody(config.COMPILEO_MAX_UPLOAD_BYTES));
  app.useGlobalFilters(new AppExceptionFilter());
  app.enableShutdownHooks();
  return app;
};
