import type { Migration } from '@compileo/sql';
import { findAgainDdl } from './find-again.schema';
import { CHECKPOINTS_DDL, readModelDdl } from './read-model.schema';
import { reviewAndProvenanceDdl } from './review-and-provenance.schema';
import { LIVE_TABLES, type Tables } from './tables';

/**
 * The read-model schema as numbered steps, each written for any table prefix: the live tables get them as
 * migrations, a rebuild runs them all on fresh tables. A step once released is never edited (a test pins
 * each applied migration's SQL): a schema change is a new step.
 */
export const READ_MODEL_STEPS: readonly { readonly id: string; readonly ddl: (tables: Tables) => string }[] = [
  { id: '101_read_models', ddl: readModelDdl },
  { id: '102_find_again', ddl: findAgainDdl },
  { id: '103_review_and_provenance', ddl: reviewAndProvenanceDdl },
];

export const readModelMigrations: readonly Migration[] = READ_MODEL_STEPS.map((step, i) => ({
  id: step.id,
  sql: step.ddl(LIVE_TABLES) + (i === 0 ? CHECKPOINTS_DDL : ''),
}));

/** Every step's DDL for `tables`: the schema a rebuild projects into. */
export const readModelSchema = (tables: Tables): string => READ_MODEL_STEPS.map((step) => step.ddl(tables)).join('\n');
