import { Module } from '@nestjs/common';
import { CreateTaxonomyHandler } from './create-taxonomy.handler';
import { TaxonomyController } from './taxonomy.controller';

@Module({ controllers: [TaxonomyController], providers: [CreateTaxonomyHandler] })
export class TaxonomyModule {}
