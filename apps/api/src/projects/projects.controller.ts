import { NotFoundError } from '@compileo/domain';
import { ProjectsQueries } from '@compileo/read-models';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor } from '../http/request-actor';
import { parseInput } from '../http/parse-input';
import { CreateProjectCommand } from './create-project.command';
import { createProjectSchema } from './project.schemas';
import type { ProjectListView, ProjectView } from './project.view';

@Controller('api/v1/projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly projects: ProjectsQueries,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Actor() actor: string): Promise<ProjectView> {
    const input = parseInput(createProjectSchema, body);
    const id = await this.commands.execute(new CreateProjectCommand(input.name, input.description ?? null, actor));
    return this.get(id);
  }

  @Get()
  async list(): Promise<ProjectListView> {
    const projects = await this.projects.list();
    return { projects, total: projects.length };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ProjectView> {
    const project = await this.projects.find(id);
    if (!project) throw new NotFoundError('project', id);
    return project;
  }
}
