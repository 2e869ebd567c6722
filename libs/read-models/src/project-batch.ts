import type { EventStore, RecordedEvent } from '@compileo/event-store';
import type { SqlClient } from '@compileo/sql';
import { readCheckpoint, writeCheckpoint } from './checkpoints';
import type { ProjectionHandler } from './projections/projection';
import type { Tables } from './tables';
import { upcastBatch } from './upcast-batch';

/**
 * Applies a batch of events and moves the checkpoint in one transaction, so each event takes effect
 * exactly once. The advisory lock serialises instances of the same projection; events at or before the
 * stored checkpoint (applied by another instance) are skipped.
 */
export const projectBatch = async (
  store: EventStore,
  sql: SqlClient,
  name: string,
  tables: Tables,
  handler: ProjectionHandler,
  batch: readonly RecordedEvent[],
): Promise<void> => {
  if (batch.length === 0) return;
  // Outside the transaction: PGlite runs one at a time, and the upcaster may read the store.
  const current = await upcastBatch(store, batch);
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`projection:${name}`]);
    const checkpoint = await readCheckpoint(tx, name);
    const fresh = checkpoint === undefined ? current : current.filter((e) => store.comparePositions(e.position, checkpoint) > 0);
    for (const event of fresh) await handler(event, tx, tables);
    if (fresh.length) await writeCheckpoint(tx, name, fresh[fresh.length - 1].position);
  });
};
