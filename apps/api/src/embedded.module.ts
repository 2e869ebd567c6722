import { JobsModule } from '@compileo/jobs';
import type { AppConfig } from '@compileo/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { AppModule } from './app.module';

/**
 * The embedded composition root (the default): the API and the job consumer in one process, so that
 * nothing but Node is needed. With COMPILEO_IN_PROCESS_WORKER=false the API runs alone and `start:worker`
 * processes take the jobs.
 */
@Module({})
export class EmbeddedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: EmbeddedModule, imports: [AppModule.forRoot(config), ...(config.COMPILEO_IN_PROCESS_WORKER ? [JobsModule] : [])] };
  }
}
