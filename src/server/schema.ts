import type { Pool } from 'pg'

/**
 * The desk server's PostgreSQL schema, an append-only list like the app's own (library/migrations.ts):
 * each step runs in one transaction and `schema_version` records where a database stands. Never
 * edit a shipped step: add the next one.
 */
export const serverMigrations: readonly string[] = [
  // 1: accounts, shared stories (Yjs state + columns for the list, search and hand-off), the change
  // feed, history snapshots and picture bytes.
  `
  CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
  -- The house language: PostgreSQL's text-search configuration for headlines and copy.
  INSERT INTO settings (key, value) VALUES ('search_config', 'english');

  CREATE TABLE desks (name text PRIMARY KEY);

  CREATE TABLE users (
    id          serial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    password    text NOT NULL,
    role        text NOT NULL CHECK (role IN ('reporter', 'editor', 'desk-head', 'read-only')),
    desk        text NOT NULL REFERENCES desks (name),
    disabled    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
  );

  CREATE TABLE tokens (
    hash        text PRIMARY KEY,
    user_id     integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
  );

  -- Every change to a shared story takes the next number: clients follow the feed by cursor.
  CREATE SEQUENCE story_change;

  CREATE TABLE stories (
    id          uuid PRIMARY KEY,
    desk        text NOT NULL REFERENCES desks (name),
    owner       text NOT NULL,
    state       bytea NOT NULL,
    slug        text NOT NULL DEFAULT '',
    headline    text NOT NULL DEFAULT '',
    body_text   text NOT NULL DEFAULT '',
    word_count  integer NOT NULL DEFAULT 0,
    status      text NOT NULL DEFAULT 'draft',
    assignee    text,
    embargo     timestamptz,
    search      tsvector NOT NULL DEFAULT ''::tsvector,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL,
    change      bigint NOT NULL DEFAULT nextval('story_change')
  );
  CREATE UNIQUE INDEX stories_change ON stories (change);
  CREATE INDEX stories_desk ON stories (desk, updated_at DESC);
  CREATE INDEX stories_search ON stories USING gin (search);

  CREATE TABLE snapshots (
    story_id    uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    change      bigint NOT NULL,
    taken_at    timestamptz NOT NULL DEFAULT now(),
    authors     text[] NOT NULL,
    fields_by   jsonb NOT NULL,
    headline    text NOT NULL,
    word_count  integer NOT NULL,
    state       bytea NOT NULL,
    PRIMARY KEY (story_id, change)
  );

  CREATE TABLE media (
    hash        text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    type        text NOT NULL,
    bytes       bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
  );
  `,
  // 2: which desks a picture belongs to. Bytes are kept once by hash, but reading them needs the
  // picture on one's own desk: someone who only knows a hash cannot fetch another desk's picture.
  `
  CREATE TABLE media_desks (
    hash        text NOT NULL REFERENCES media (hash) ON DELETE CASCADE,
    desk        text NOT NULL,
    added_by    text NOT NULL,
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hash, desk)
  );
  `,
  // 3: the spike on the desk (a shared story set aside by someone allowed to, out of everyone's
  // list, brought back by unspiking) and sign-out (a token revoked before it expires is deleted).
  `
  ALTER TABLE stories ADD COLUMN spiked_at timestamptz;
  ALTER TABLE stories ADD COLUMN spiked_by text;
  `,
]

export async function migrateServer(pool: Pool): Promise<void> {
  const client = await pool.connect()
  try {
    // One server migrates at a time (two started together must not both run step 1).
    await client.query('SELECT pg_advisory_lock(7301)')
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)')
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version')
    let version = rows[0]?.version ?? 0
    if (!rows.length) await client.query('INSERT INTO schema_version (version) VALUES (0)')
    if (version > serverMigrations.length) {
      throw new Error(
        `the database was set up by a newer Copydesk server (schema ${version}; this one knows up to ${serverMigrations.length})`,
      )
    }
    for (; version < serverMigrations.length; version++) {
      await client.query('BEGIN')
      try {
        await client.query(serverMigrations[version]!)
        await client.query('UPDATE schema_version SET version = $1', [version + 1])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw new Error(`upgrading the desk database to schema ${version + 1} failed: ${(error as Error).message}`)
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7301)').catch(() => undefined)
    client.release()
  }
}
