import { Module } from '@nestjs/common';
import { CreateProjectHandler } from './create-project.handler';
import { ProjectsController } from './projects.controller';

@Module({ controllers: [ProjectsController], providers: [CreateProjectHandler] })
export class ProjectsModule {}
