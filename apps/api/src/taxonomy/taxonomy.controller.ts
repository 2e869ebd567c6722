import { NotFoundError } from '@compileo/domain';
import { TaxonomiesQueries } from '@compileo/read-models';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { idText } from '../http/ids';
import { parseInput } from '../http/parse-input';
import { Actor } from '../http/request-actor';
import { CreateTaxonomyCommand } from './create-taxonomy.command';
import { createTaxonomySchema } from './taxonomy.schemas';
import { taxonomySummaryView, taxonomyView, type TaxonomyListView, type TaxonomyView } from './taxonomy.view';

const listQuery = z.object({ project_id: z.string().trim().min(1).optional() }).strict();

/** Express routing is not strict, so `/api/v1/taxonomy/` (the contract's spelling) serves the list too. */
@Controller('api/v1/taxonomy')
export class TaxonomyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly taxonomies: TaxonomiesQueries,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Actor() actor: string): Promise<TaxonomyView> {
    const input = parseInput(createTaxonomySchema, body);
    const id = await this.commands.execute(
      new CreateTaxonomyCommand(idText(input.project_id), input.name, input.description ?? null, input.taxonomy, actor),
    );
    return this.get(id);
  }

  @Get()
  async list(@Query() query: unknown): Promise<TaxonomyListView> {
    const { project_id } = parseInput(listQuery, query);
    const taxonomies = (await this.taxonomies.list(project_id)).map(taxonomySummaryView);
    return { taxonomies, total: taxonomies.length };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<TaxonomyView> {
    const taxonomy = await this.taxonomies.find(id);
    if (!taxonomy) throw new NotFoundError('taxonomy', id);
    return taxonomyView(taxonomy);
  }
}
