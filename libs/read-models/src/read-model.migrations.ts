import type { Migration } from '@compileo/sql';
import { CHECKPOINTS_DDL, readModelDdl } from './read-model.schema';
import { LIVE_TABLES } from './tables';

export const readModelMigrations: readonly Migration[] = [{ id: '101_read_models', sql: readModelDdl(LIVE_TABLES) + CHECKPOINTS_DDL }];
