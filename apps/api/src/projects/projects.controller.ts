import { NotFoundError } from '@compileo/domain';
import { SQL_CLIENT, type SqlClient } from '@compileo/event-store';
import { findProject, listProjects, type ProjectRow } from '@compileo/read-models';
import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor } from '../http/request-actor';
import { parseInput } from '../http/parse-input';
import { CreateProjectCommand } from './create-project.command';
import { createProjectSchema } from './project.schemas';

@Controller('api/v1/projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Actor() actor: string): Promise<ProjectRow> {
    const input = parseInput(createProjectSchema, body);
    const id = await this.commands.execute(new CreateProjectCommand(input.name, input.description ?? null, actor));
    return this.get(id);
  }

  @Get()
  async list(): Promise<{ projects: ProjectRow[]; total: number }> {
    const projects = await listProjects(this.sql);
    return { projects, total: projects.length };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ProjectRow> {
    const project = await findProject(this.sql, id);
    if (!project) throw new NotFoundError('project', id);
    return project;
  }
}
