import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '@practice/events';
import type { EventFilter } from '../event-store.port';

/** One row of the `events` table as the read statements select it. */
export interface EventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** SQLite's "no limit". */
export const NO_LIMIT = -1;

const COLUMNS = 'position, stream_id, revision, type, data, metadata';

/** The read statements, prepared once per connection (the writes are sqlite-writer.ts's). */
export interface EventStatements {
  readonly head: Statement<[], { head: number | null }>;
  readonly streamForwards: Statement<[string, number, number], EventRow>;
  /**
   * A stream from a revision on, whole: no ORDER BY and no LIMIT, which cost SQLite several times the
   * lookup itself on every read of a short stream (a membership check, a command's load). The rows come
   * in index order; the caller sorts them by revision anyway (see `byRevision`).
   */
  readonly streamFrom: Statement<[string, number], EventRow>;
  readonly streamBackwards: Statement<[string, number, number], EventRow>;
  /** Filtered reads of $all, one statement per shape of filter. */
  selectAll(after: number, upTo: number, limit: number, filter?: EventFilter): EventRow[];
}

export const prepareStatements = (db: Database): EventStatements => {
  const filtered = filteredReader(db);
  return {
    head: db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events'),
    streamForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    streamFrom: db.prepare<[string, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ?`),
    streamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    selectAll: filtered,
  };
};

/** An empty list in a filter means "not filtering on that", like an omitted one. */
const valuesOf = (values: readonly string[] | undefined): readonly string[] => values ?? [];

const byPosition = (a: EventRow, b: EventRow): number => a.position - b.position;

/** Revision order (rows already in it, as the index gives them, are left as they are). */
export const byRevision = (rows: EventRow[]): EventRow[] => {
  for (let i = 1; i < rows.length; i += 1) {
    if (rows[i - 1].revision > rows[i].revision) return rows.sort((a, b) => a.revision - b.revision);
  }
  return rows;
};

/**
 * A filtered read runs one query per category and per type, each served in position order straight
 * from its (column, position) index, and merges them. One query with `IN (...) OR ...` would make
 * SQLite sort every matching row after the position on each page, which turns a projector's catch-up
 * over a long log quadratic. Both filters given: an event matching either passes, once.
 */
const filteredReader = (db: Database): EventStatements['selectAll'] => {
  const range = 'position > ? AND position <= ? ORDER BY position ASC LIMIT ?';
  const all = db.prepare<[number, number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE ${range}`);
  const ofCategory = db.prepare<[string, number, number, number], EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE category = ? AND ${range}`,
  );
  const ofType = db.prepare<[string, number, number, number], EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE type = ? AND ${range}`,
  );
  return (after, upTo, limit, filter) => {
    const categories = valuesOf(filter?.streamCategories);
    const types = valuesOf(filter?.eventTypes);
    if (categories.length === 0 && types.length === 0) return all.all(after, upTo, limit);
    // Keyed by position: an event matching a category and a type comes back from both queries.
    const matches = new Map<number, EventRow>();
    const keep = (row: EventRow): void => void matches.set(row.position, row);
    categories.forEach((category) => ofCategory.all(category, after, upTo, limit).forEach(keep));
    types.forEach((type) => ofType.all(type, after, upTo, limit).forEach(keep));
    const merged = [...matches.values()].sort(byPosition);
    return limit === NO_LIMIT ? merged : merged.slice(0, limit);
  };
};

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  type: row.type,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
  streamId: row.stream_id,
  revision: row.revision,
  position: row.position,
});
