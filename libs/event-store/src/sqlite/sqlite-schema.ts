import type { Database } from 'better-sqlite3';

/** Bumped whenever the table layout changes, so a future migration knows what it opens. */
const SCHEMA_VERSION = 1;

/*
 * `position` is the rowid: AUTOINCREMENT guarantees it only grows, even if rows were ever removed, so
 * positions stay usable as checkpoints. `category` is stored (not derived in SQL) so it is computed by
 * the same helper the rest of the code uses; both filter columns are indexed together with position
 * because every filtered read is "matching events after a position, in order".
 */
const DDL = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id TEXT    NOT NULL,
    category  TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    event_id  TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL,
    metadata  TEXT    NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
  CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
  CREATE INDEX IF NOT EXISTS events_category_position ON events (category, position);
  CREATE INDEX IF NOT EXISTS events_type_position ON events (type, position);
`;

/**
 * WAL lets readers proceed while a group is being written; `synchronous = FULL` syncs the WAL on every
 * commit, which is what makes "the append resolved" mean "the events survive a power cut".
 */
export const configureDatabase = (db: Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(DDL);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
};
