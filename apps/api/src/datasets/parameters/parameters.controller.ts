import { NotFoundError } from '@compileo/domain';
import { ParametersQueries, ProjectsQueries } from '@compileo/read-models';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { idText } from '../../http/ids';
import { parseInput } from '../../http/parse-input';
import { Actor } from '../../http/request-actor';
import { saveParametersSchema } from './parameters.schemas';
import type { LatestParametersView, ParametersSavedView } from './parameters.view';
import { SaveParametersCommand } from './save-parameters.command';

@Controller('api/v1/datasets/parameters')
export class ParametersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly projects: ProjectsQueries,
    private readonly parameters: ParametersQueries,
  ) {}

  @Post()
  @HttpCode(200)
  async save(@Body() body: unknown, @Actor() actor: string): Promise<ParametersSavedView> {
    const { project_id, ...parameters } = parseInput(saveParametersSchema, body);
    const projectId = idText(project_id);
    const parameterId = await this.commands.execute(new SaveParametersCommand(projectId, parameters, actor));
    return { message: 'Dataset parameters saved successfully', parameter_id: parameterId, project_id: projectId };
  }

  /** The latest saved parameters, or `{parameters: null}` when the project has none. */
  @Get(':project_id')
  async latest(@Param('project_id') projectId: string): Promise<LatestParametersView> {
    if (!(await this.projects.find(projectId))) throw new NotFoundError('project', projectId);
    const row = await this.parameters.latest(projectId);
    return { parameters: row ? { id: row.id, project_id: row.project_id, ...row.parameters, created_at: row.created_at } : null };
  }
}
