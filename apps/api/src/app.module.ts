import { PlatformModule, type AppConfig } from '@compileo/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { DatasetsModule } from './datasets/datasets.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthController } from './health.controller';
import { HttpCoreModule } from './http/http.module';
import { ProjectsModule } from './projects/projects.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';

/** The API: REST controllers over the read models, commands into the event store. Runs no jobs itself. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { level: config.LOG_LEVEL, autoLogging: config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' },
        }),
        PlatformModule.forRoot(config),
        CqrsModule.forRoot(),
        HttpCoreModule,
        ProjectsModule,
        DocumentsModule.forRoot(config),
        TaxonomyModule,
        DatasetsModule,
      ],
      controllers: [HealthController],
    };
  }
}
