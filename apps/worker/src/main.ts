import 'reflect-metadata';
import { exitOnStartupFailure, loadConfig, PlatformModule } from '@compileo/platform';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger, LoggerModule } from 'nestjs-pino';
import { JobsModule } from '@compileo/jobs';

/** A worker process without HTTP, for running workers apart from the API (distributed mode). */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  @Module({ imports: [LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }), PlatformModule.forRoot(config), JobsModule] })
  class WorkerAppModule {}
  const app = await NestFactory.createApplicationContext(WorkerAppModule, { abortOnError: false, bufferLogs: true, autoFlushLogs: false });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
}

bootstrap().catch(exitOnStartupFailure);
