import type { EventMetadata, RecordedEvent } from '../event-store.port';
import { encodePosition } from './position';

/**
 * Every int8/xid8/jsonb column is selected as text: PGlite and pg would return different JS types.
 * The aliases shadow the columns, so ORDER BY must qualify them (`es_events.stream_revision`), or it sorts text.
 */
export const EVENT_COLUMNS = `
  global_position::text AS global_position,
  transaction_id::text AS transaction_id,
  stream_id,
  stream_revision::text AS stream_revision,
  event_id::text AS event_id,
  event_type,
  data::text AS data,
  metadata::text AS metadata,
  recorded_at`;

export interface EventRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly stream_id: string;
  readonly stream_revision: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: Date | string;
}

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  type: row.event_type,
  streamId: row.stream_id,
  revision: BigInt(row.stream_revision),
  position: encodePosition({ transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) }),
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as EventMetadata,
  recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
});
