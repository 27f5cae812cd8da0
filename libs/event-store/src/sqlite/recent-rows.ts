import type { EventFilter } from '../event-store.port';
import type { EventRow } from './event-rows';
import type { RowAppend, RowOutcome } from './sqlite-writer';

interface RecentRow extends EventRow {
  readonly category: string;
}

/** How many of the last committed rows are kept (a group holds at most 1,000 appends). */
const DEFAULT_CAPACITY = 4096;

const includes = (values: readonly string[] | undefined, value: string): boolean => values !== undefined && values.includes(value);

/** The same test as the filtered SQL reads: no filter passes everything, otherwise a category or a type. */
const matches = (row: RecentRow, filter: EventFilter | undefined): boolean => {
  const categories = filter?.streamCategories ?? [];
  const types = filter?.eventTypes ?? [];
  if (categories.length === 0 && types.length === 0) return true;
  return includes(categories, row.category) || includes(types, row.type);
};

/**
 * The rows this process's own commits just stored, as the log holds them (the very strings written),
 * by position. A live subscription (the embedded projector) takes a page from here instead of reading
 * back from SQLite what it was just told was committed: such a read after every commit of the writer's
 * connection starts with an emptied page cache. A page is served from here only when every position of
 * its range is here, so nothing another process wrote in between can be missed; otherwise (another
 * process's rows, older rows, a gap) the caller reads SQLite as before. Rows enter only after their
 * commit, so nothing here is ever undone.
 */
export class RecentRows {
  private readonly rows = new Map<number, RecentRow>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** After a commit: the rows each append of the group inserted (a retry answered as before inserted none). */
  remember(group: readonly RowAppend[], outcomes: readonly RowOutcome[]): void {
    outcomes.forEach((outcome, index) => {
      const request = group[index];
      if (outcome.kind !== 'appended' || outcome.firstPosition === undefined || request === undefined) return;
      const count = request.rows.length;
      // One append's rows are inserted one after another in its savepoint; anything else is not kept.
      if (count === 0 || outcome.position - outcome.firstPosition !== count - 1) return;
      const firstRevision = outcome.nextExpectedRevision - count + 1;
      request.rows.forEach((row, i) => {
        this.rows.set(outcome.firstPosition! + i, {
          position: outcome.firstPosition! + i,
          stream_id: request.streamId,
          category: request.category,
          revision: firstRevision + i,
          type: row.type,
          data: row.data,
          metadata: row.metadata,
        });
      });
    });
    // Map keeps insertion order, and positions only grow: the first keys are the oldest.
    for (const position of this.rows.keys()) {
      if (this.rows.size <= this.capacity) break;
      this.rows.delete(position);
    }
  }

  /**
   * The matching rows with after < position <= upTo, in order, at most `maxCount` (what the SQL read
   * answers), or undefined when a position of the range is not here.
   */
  page(after: number, upTo: number, maxCount: number, filter?: EventFilter): EventRow[] | undefined {
    if (upTo - after > this.capacity) return undefined;
    const page: EventRow[] = [];
    for (let position = after + 1; position <= upTo && (maxCount < 0 || page.length < maxCount); position += 1) {
      const row = this.rows.get(position);
      if (row === undefined) return undefined;
      if (matches(row, filter)) page.push(row);
    }
    return page;
  }
}
