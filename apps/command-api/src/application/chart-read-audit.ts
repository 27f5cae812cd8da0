import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { privateFile } from '../../../../libs/event-store/src/sqlite/private-file';

/** One read of a chart: who looked at which chart, what they looked at, and when. No chart data. */
export interface ChartRead {
  readonly id: string;
  readonly userId: string;
  readonly practiceId: string;
  readonly chartId: string;
  readonly view: string;
  readonly at: string;
}

export interface ChartReadSink {
  write(read: ChartRead): Promise<void>;
  readsOf(practiceId: string, chartId: string): Promise<ChartRead[]>;
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
    this.db.exec('CREATE INDEX IF NOT EXISTS chart_reads_chart ON chart_reads (practice_id, chart_id, at)');
  }

  async write(read: ChartRead): Promise<void> {
    this.db
      .prepare('INSERT INTO chart_reads (id, user_id, practice_id, chart_id, view, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(read.id, read.userId, read.practiceId, read.chartId, read.view, read.at);
  }

  async readsOf(practiceId: string, chartId: string): Promise<ChartRead[]> {
    const rows = this.db
      .prepare(
        'SELECT id, user_id, practice_id, chart_id, view, at FROM chart_reads WHERE practice_id = ? AND chart_id = ? ORDER BY at',
      )
      .all(practiceId, chartId) as Record<string, string>[];
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

/** Production: a collection of the MongoDB read store (it is primary data there, not a projection). */
export class ReadStoreChartReadSink implements ChartReadSink {
  constructor(private readonly store: ReadStore) {}

  async write(read: ChartRead): Promise<void> {
    await this.store.collection('chart_reads').bulkWrite([{ kind: 'put', doc: { _id: read.id, ...read } }]);
  }

  async readsOf(practiceId: string, chartId: string): Promise<ChartRead[]> {
    const docs = await this.store.collection('chart_reads').find({ practiceId, chartId }, { sort: { at: 1 } });
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

  readsOf(practiceId: string, chartId: string): Promise<ChartRead[]> {
    return this.sink.readsOf(practiceId, chartId);
  }
}
