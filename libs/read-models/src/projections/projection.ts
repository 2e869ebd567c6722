import type { RecordedEvent } from '@compileo/event-store';
import type { SqlExecutor } from '@compileo/sql';
import type { Tables } from '../tables';

/** Applies one event to the read-model tables, inside the batch transaction. Must use only event data (no clock). */
export type ProjectionHandler = (event: RecordedEvent, tx: SqlExecutor, tables: Tables) => Promise<void>;

/** Reads event data with its declared type; the event type has already been matched by the caller. */
export const dataOf = <T>(event: RecordedEvent): T => event.data as T;
