import { ConcurrencyError, ValidationError } from '@compileo/domain';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import type { SqlExecutor } from '@compileo/sql';
import { START, encodePosition } from './position';

const NO_STREAM = -1n;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface StoredRef {
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_revision: string;
  readonly global_position: string;
  readonly transaction_id: string;
}

const describeExpected = (expected: ExpectedRevision): string => (typeof expected === 'bigint' ? expected.toString() : expected);
const describeActual = (revision: bigint): string => (revision === NO_STREAM ? 'no_stream' : revision.toString());

const satisfies = (expected: ExpectedRevision, revision: bigint): boolean => {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return revision === NO_STREAM;
  if (expected === 'stream_exists') return revision > NO_STREAM;
  return revision === expected;
};

const conflict = (streamId: string, expected: ExpectedRevision, actual: bigint, why: string): ConcurrencyError =>
  new ConcurrencyError(
    `Stream ${streamId}: ${why} (expected ${describeExpected(expected)}, actual ${describeActual(actual)})`,
    describeExpected(expected),
    describeActual(actual),
  );

const positionOf = (row: { readonly transaction_id: string; readonly global_position: string }): string =>
  encodePosition({ transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) });

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

const isUniqueViolation = (error: unknown): boolean => errorCode(error) === '23505';

const validate = (events: readonly NewEvent[]): void => {
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw ValidationError.field('id', `event id is not a UUID: ${event.id}`);
    const id = event.id.toLowerCase();
    if (ids.has(id)) throw ValidationError.field('id', `event id repeated in one append: ${event.id}`);
    ids.add(id);
  }
};

/**
 * The whole append, on an executor that is already inside a transaction (the caller commits).
 * Exposed so tests can hold an append's transaction open; applications use `PostgresEventStore.append`.
 */
export const appendEvents = async (
  tx: SqlExecutor,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> => {
  validate(events);
  if (events.length > 0) {
    await tx.query('INSERT INTO es_streams (stream_id, revision) VALUES ($1, -1) ON CONFLICT (stream_id) DO NOTHING', [streamId]);
  }
  // The row lock serialises appends to one stream; re-reading after the wait sees the winner's rows.
  const { rows } = await tx.query<{ revision: string }>(
    'SELECT revision::text AS revision FROM es_streams WHERE stream_id = $1 FOR UPDATE',
    [streamId],
  );
  const current = rows.length === 0 ? NO_STREAM : BigInt(rows[0].revision);

  if (events.length === 0) {
    if (!satisfies(expected, current)) throw conflict(streamId, expected, current, 'wrong expected revision');
    const last = await tx.query<StoredRef>(
      `SELECT global_position::text AS global_position, transaction_id::text AS transaction_id
         FROM es_events WHERE stream_id = $1 ORDER BY es_events.stream_revision DESC LIMIT 1`,
      [streamId],
    );
    return { nextRevision: current, position: last.rows.length === 0 ? encodePosition(START) : positionOf(last.rows[0]) };
  }

  // Idempotency first: a retry of an append that already succeeded returns its original result.
  const existing = await tx.query<StoredRef>(
    `SELECT event_id::text AS event_id, stream_id, stream_revision::text AS stream_revision,
            global_position::text AS global_position, transaction_id::text AS transaction_id
       FROM es_events WHERE event_id = ANY($1::text[]::uuid[])`,
    [events.map((e) => e.id.toLowerCase())],
  );
  if (existing.rows.length > 0) {
    const byId = new Map(existing.rows.map((r) => [r.event_id, r]));
    const stored = events.map((e) => byId.get(e.id.toLowerCase()));
    const first = stored[0];
    const same =
      first !== undefined &&
      stored.every(
        (r, i) => r !== undefined && r.stream_id === streamId && BigInt(r.stream_revision) === BigInt(first.stream_revision) + BigInt(i),
      ) &&
      // The retry must carry the expectation the original append met.
      satisfies(expected, BigInt(first.stream_revision) - 1n);
    if (!same) throw conflict(streamId, expected, current, 'some event ids were already appended elsewhere');
    const last = stored[stored.length - 1] as StoredRef;
    return { nextRevision: BigInt(last.stream_revision), position: positionOf(last) };
  }

  if (!satisfies(expected, current)) throw conflict(streamId, expected, current, 'wrong expected revision');

  let revision = current;
  let lastRef: StoredRef | undefined;
  try {
    for (const event of events) {
      revision += 1n;
      const inserted = await tx.query<StoredRef>(
        `INSERT INTO es_events (stream_id, stream_revision, event_id, event_type, data, metadata)
         VALUES ($1, $2::text::bigint, $3::text::uuid, $4, $5::text::jsonb, $6::text::jsonb)
         RETURNING event_id::text AS event_id, stream_id, stream_revision::text AS stream_revision,
                   global_position::text AS global_position, transaction_id::text AS transaction_id`,
        [
          streamId,
          revision.toString(),
          event.id.toLowerCase(),
          event.type,
          JSON.stringify(event.data ?? null),
          JSON.stringify(event.metadata ?? {}),
        ],
      );
      lastRef = inserted.rows[0];
    }
  } catch (error) {
    // A unique violation here is a concurrent append of the same event id to another stream.
    if (isUniqueViolation(error)) throw conflict(streamId, expected, current, 'an event id was appended concurrently elsewhere');
    // jsonb cannot hold \u0000: a value the caller sent, so a 400, not a server fault.
    if (errorCode(error) === '22P05') throw ValidationError.field('data', 'contains a character the event log cannot store (NUL, \\u0000)');
    throw error;
  }
  await tx.query('UPDATE es_streams SET revision = $2::text::bigint WHERE stream_id = $1', [streamId, revision.toString()]);
  await tx.query(`SELECT pg_notify('es_events', '')`);
  return { nextRevision: revision, position: positionOf(lastRef as StoredRef) };
};
