import { NotFoundError } from '@compileo/domain';
import { SQL_CLIENT, type SqlClient } from '@compileo/event-store';
import { findTaxonomy, listTaxonomies, type TaxonomyRow } from '@compileo/read-models';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { idText } from '../http/ids';
import { parseInput } from '../http/parse-input';
import { Actor } from '../http/request-actor';
import { CreateTaxonomyCommand } from './create-taxonomy.command';
import { createTaxonomySchema } from './taxonomy.schemas';

const summary = (t: TaxonomyRow) => ({
  id: t.id,
  name: t.name,
  project_id: t.project_id,
  description: t.description,
  categories_count: t.categories_count,
  created_at: t.created_at,
});

const listQuery = z.object({ project_id: z.string().trim().min(1).optional() }).strict();

/** Express routing is not strict, so `/api/v1/taxonomy/` (the contract's spelling) serves the list too. */
@Controller('api/v1/taxonomy')
export class TaxonomyController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Actor() actor: string) {
    const input = parseInput(createTaxonomySchema, body);
    const id = await this.commands.execute(new CreateTaxonomyCommand(idText(input.project_id), input.name, input.description ?? null, input.taxonomy, actor));
    return this.get(id);
  }

  @Get()
  async list(@Query() query: unknown) {
    const { project_id } = parseInput(listQuery, query);
    const taxonomies = (await listTaxonomies(this.sql, project_id)).map(summary);
    return { taxonomies, total: taxonomies.length };
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const taxonomy = await findTaxonomy(this.sql, id);
    if (!taxonomy) throw new NotFoundError('taxonomy', id);
    return { ...summary(taxonomy), categories: taxonomy.categories, taxonomy: taxonomy.taxonomy };
  }
}
