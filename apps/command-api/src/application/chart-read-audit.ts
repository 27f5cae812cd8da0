import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ReadStore } from '@practice/read-store';
import { afterKeys } from '../http/keyset-page';
import { privateFile } from '@practice/event-store';

/** One read of a chart: who looked at which chart, what they looked at, and when. No chart data. */
export interface ChartRead {
  readonly id: string;
  readonly userId: string;
  readonly practiceId: string;
  readonly chartId: string;
  readonly view: string;
  readonly at: string;
}

/** A page of a chart's reads in (`at`, `id`) order: at most `limit` reads after `after`. */
export interface ChartReadsPage {
  readonly after?: { readonly at: string; readonly id: string };
  readonly limit: number;
}

export interface ChartReadSink {
  write(read: ChartRead): Promise<void>;
  readsOf(practiceId: string, chartId: string, page: ChartReadsPage): Promise<ChartRead[]>;
  close(): Promise<void>;
}

/** Embedded default: an append-only table in its own SQLite file under DATA_DIR. */
export class SqliteChartReadSink implements ChartReadSink {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(privateFile(join(dataDir, 'chart-reads.sqlite')));
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS chart_reads (
      id TEXT PRIMARY KEY, user_id TEXT NOT NULL, practice_id TEXT NOT NULL, chart_id TEXT NOT NULL,
      view TEXT NOT NULL, at TEXT NOT NULL)`);
    // The page order, so a page seeks to its cursor instead of reading the chart's reads before it.
    this.db.exec('CREATE INDEX IF NOT EXISTS chart_reads_page ON chart_reads (practice_id, chart_id, at, id)');
    this.db.exec('DROP INDEX IF EXISTS chart_reads_chart');
  }

  async write(read: ChartRead): Promise<void> {
    this.db
      .prepare('INSERT INTO chart_reads (id, user_id, practice_id, chart_id, view, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(read.id, read.userId, read.practiceId, read.chartId, read.view, read.at);
  }

  async readsOf(practiceId: string, chartId: string, page: ChartReadsPage): Promise<ChartRead[]> {
    const columns = 'SELECT id, user_id, practice_id, chart_id, view, at FROM chart_reads WHERE practice_id = ? AND chart_id = ?';
    const order = 'ORDER BY at, id LIMIT ?';
    const rows = (
      page.after
        ? this.db.prepare(`${columns} AND (at > ? OR (at = ? AND id > ?)) ${order}`).all(practiceId, chartId, page.after.at, page.after.at, page.after.id, page.limit)
        : this.db.prepare(`${columns} ${order}`).all(practiceId, chartId, page.limit)
    ) as Record<string, string>[];
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      practiceId: row.practice_id,
      chartId: row.chart_id,
      view: row.view,
      at: row.at,
    }));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

const READ_ORDER = { at: 1, _id: 1 } as const;

/** Production: a collection of the MongoDB read store (it is primary data there, not a projection). */
export class ReadStoreChartReadSink implements ChartReadSink {
  private indexed: Promise<void> | undefined;

  constructor(private readonly store: ReadStore) {}

  async write(read: ChartRead): Promise<void> {
    await this.store.collection('chart_reads').bulkWrite([{ kind: 'put', doc: { _id: read.id, ...read } }]);
  }

  async readsOf(practiceId: string, chartId: string, page: ChartReadsPage): Promise<ChartRead[]> {
    const reads = this.store.collection('chart_reads');
    this.indexed ??= reads.ensureIndexes([{ name: 'chart_at', keys: { chartId: 1, at: 1, _id: 1 } }]).catch((error: unknown) => {
      this.indexed = undefined;
      throw error;
    });
    await this.indexed;
    const filter = { practiceId, chartId };
    const paged = page.after ? afterKeys(filter, READ_ORDER, [page.after.at, page.after.id]) : filter;
    const docs = await reads.find(paged, { sort: READ_ORDER, limit: page.limit });
    return docs.map(({ _id, _position, ...read }) => read as unknown as ChartRead);
  }

  async close(): Promise<void> {}
}

/** Every read of a chart is attributable to a user, as every write is through event metadata. */
export class ChartReadAudit {
  constructor(private readonly sink: ChartReadSink) {}

  record(userId: string, practiceId: string, chartId: string, view: string): Promise<void> {
    return this.sink.write({ id: randomUUID(), userId, practiceId, chartId, view, at: new Date().toISOString() });
  }

  readsOf(practiceId: string, chartId: string, page: ChartReadsPage): Promise<ChartRead[]> {
    return this.sink.readsOf(practiceId, chartId, page);
  }
}
