import 'reflect-metadata';
import { loadConfig, PlatformModule } from '@compileo/platform';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobsModule } from '@compileo/jobs';

/** A worker process without HTTP, for running workers apart from the API (distributed mode). */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  @Module({ imports: [PlatformModule.forRoot(config), JobsModule] })
  class WorkerAppModule {}
  const app = await NestFactory.createApplicationContext(WorkerAppModule);
  app.enableShutdownHooks();
}

void bootstrap();
