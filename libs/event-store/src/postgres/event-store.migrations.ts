import type { Migration } from '@compileo/sql';

/**
 * Commit order is (transaction_id, global_position): readers only read transactions below the
 * snapshot's xmin, so a transaction that commits late is never passed over (see architecture guide).
 */
export const eventStoreMigrations: readonly Migration[] = [
  {
    id: '001_event_store',
    sql: `
      CREATE TABLE es_streams (
        stream_id text PRIMARY KEY,
        revision bigint NOT NULL -- -1: no event yet
      );

      CREATE SEQUENCE es_events_global_position_seq;

      CREATE TABLE es_events (
        global_position bigint NOT NULL DEFAULT nextval('es_events_global_position_seq'),
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_revision bigint NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        event_type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream_id, stream_revision)
      );

      ALTER SEQUENCE es_events_global_position_seq OWNED BY es_events.global_position;

      CREATE UNIQUE INDEX es_events_commit_order ON es_events (transaction_id, global_position);
      CREATE INDEX es_events_type_commit_order ON es_events (event_type, transaction_id, global_position);

      -- Append-only: history is never rewritten.
      CREATE FUNCTION es_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'es_events is append-only';
      END;
      $$;
      CREATE TRIGGER es_events_append_only BEFORE UPDATE OR DELETE ON es_events
        FOR EACH STATEMENT EXECUTE FUNCTION es_events_append_only();
    `,
  },
];
