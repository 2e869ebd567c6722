import type { Tables } from './tables';

/** DDL of the read-model tables for one prefix; the same SQL runs on PGlite and PostgreSQL. */
export const readModelDdl = (t: Tables): string => `
CREATE TABLE IF NOT EXISTS ${t.projects} (
  id text PRIMARY KEY,
  name text NOT NULL,
  description text,
  created_at timestamptz NOT NULL,
  document_count integer NOT NULL DEFAULT 0,
  dataset_count integer NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS ${t.documents} (
  id text PRIMARY KEY,
  project_id text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  status text NOT NULL,
  chunk_count integer NOT NULL,
  chunk_size integer NOT NULL,
  chunk_overlap integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ${t.documents}_project ON ${t.documents} (project_id, created_at, id);
CREATE TABLE IF NOT EXISTS ${t.chunks} (
  id text PRIMARY KEY,
  document_id text NOT NULL,
  project_id text NOT NULL,
  chunk_index integer NOT NULL,
  text text NOT NULL,
  heading text,
  heading_path jsonb NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ${t.chunks}_document ON ${t.chunks} (document_id, chunk_index);
CREATE INDEX IF NOT EXISTS ${t.chunks}_project ON ${t.chunks} (project_id, created_at, document_id, chunk_index);
CREATE TABLE IF NOT EXISTS ${t.taxonomies} (
  id text PRIMARY KEY,
  project_id text NOT NULL,
  name text NOT NULL,
  description text,
  taxonomy jsonb NOT NULL,
  categories jsonb NOT NULL,
  categories_count integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS ${t.datasets} (
  id text PRIMARY KEY,
  project_id text NOT NULL,
  name text NOT NULL,
  status text NOT NULL,
  version text NOT NULL,
  format_type text NOT NULL,
  model text NOT NULL,
  config jsonb NOT NULL,
  job_id text NOT NULL,
  total_entries integer NOT NULL DEFAULT 0,
  rejected_count integer NOT NULL DEFAULT 0,
  has_splits boolean NOT NULL DEFAULT false,
  input_tokens bigint NOT NULL DEFAULT 0,
  output_tokens bigint NOT NULL DEFAULT 0,
  cost_usd double precision,
  quality_report jsonb,
  benchmarks jsonb NOT NULL DEFAULT '[]'::jsonb,
  revision bigint NOT NULL DEFAULT 0,
  log_position text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ${t.datasets}_project_name ON ${t.datasets} (project_id, name);
CREATE TABLE IF NOT EXISTS ${t.entries} (
  dataset_id text NOT NULL,
  entry_number integer NOT NULL,
  entry_id text NOT NULL,
  status text NOT NULL,
  question text,
  answer text,
  category text NOT NULL,
  quality_score double precision,
  quality_components jsonb,
  difficulty text NOT NULL,
  difficulty_rank integer NOT NULL,
  source_chunk text NOT NULL,
  split text,
  version integer NOT NULL,
  extra jsonb,
  metadata jsonb NOT NULL,
  rejection jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (dataset_id, entry_number)
);
CREATE INDEX IF NOT EXISTS ${t.entries}_quality ON ${t.entries} (dataset_id, status, quality_score DESC, entry_number);
CREATE TABLE IF NOT EXISTS ${t.feedback} (
  id text NOT NULL,
  dataset_id text NOT NULL,
  entry_id text NOT NULL,
  feedback_type text NOT NULL,
  comments text,
  rating integer,
  actor text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (id, entry_id)
);
CREATE TABLE IF NOT EXISTS ${t.jobs} (
  id text PRIMARY KEY,
  dataset_id text NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  total_steps integer NOT NULL,
  steps_done integer NOT NULL DEFAULT 0,
  steps_failed integer NOT NULL DEFAULT 0,
  attempts integer NOT NULL DEFAULT 0,
  input_tokens bigint NOT NULL DEFAULT 0,
  output_tokens bigint NOT NULL DEFAULT 0,
  cost_usd double precision,
  invalid_items integer NOT NULL DEFAULT 0,
  chunk_failures jsonb NOT NULL DEFAULT '[]'::jsonb,
  started_at timestamptz,
  attempt_started_at timestamptz,
  steps_at_attempt integer NOT NULL DEFAULT 0,
  last_step_at timestamptz,
  finished_at timestamptz,
  result jsonb,
  error text,
  created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS ${t.parameters} (
  id text PRIMARY KEY,
  project_id text NOT NULL,
  parameters jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  seq bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS ${t.parameters}_project ON ${t.parameters} (project_id, seq DESC);
`;

/** Checkpoints of every projection, one row per projection name. */
export const CHECKPOINTS_DDL = `
CREATE TABLE IF NOT EXISTS rm_checkpoints (
  name text PRIMARY KEY,
  position text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);`;
