import { ReadModelQueriesModule } from '@compileo/read-models';
import { Module } from '@nestjs/common';
import { CreateTaxonomyHandler } from './create-taxonomy.handler';
import { TaxonomyController } from './taxonomy.controller';

@Module({ imports: [ReadModelQueriesModule], controllers: [TaxonomyController], providers: [CreateTaxonomyHandler] })
export class TaxonomyModule {}
