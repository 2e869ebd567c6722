import { JOB_BUS } from '@compileo/bus';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CommandRunner, EVENT_STORE } from '@compileo/event-store';
import { READ_SQL, SQL_CLIENT } from '@compileo/sql';
import { ModelRegistry } from '@compileo/generation';
import { ProjectionRunner } from '@compileo/read-models';
import { APP_CONFIG, type AppConfig } from './app-config';
import { CLOCK } from './clock';
import { PlatformLifecycle } from './platform.lifecycle';
import { DATA_DIR_LOCK, platformProviders } from './platform.providers';

@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      providers: [...platformProviders(config), PlatformLifecycle],
      exports: [
        APP_CONFIG,
        DATA_DIR_LOCK,
        CLOCK,
        SQL_CLIENT,
        READ_SQL,
        EVENT_STORE,
        JOB_BUS,
        CommandRunner,
        ProjectionRunner,
        ModelRegistry,
      ],
    };
  }
}
