import { ReadModelQueriesModule } from '@compileo/read-models';
import { Module } from '@nestjs/common';
import { CreateProjectHandler } from './create-project.handler';
import { ProjectsController } from './projects.controller';

@Module({ imports: [ReadModelQueriesModule], controllers: [ProjectsController], providers: [CreateProjectHandler] })
export class ProjectsModule {}
