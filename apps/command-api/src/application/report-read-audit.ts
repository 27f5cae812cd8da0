import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ReadStore } from '@practice/read-store';
import { privateFile } from '@practice/event-store';
import { afterKeys } from '../http/keyset-page';

/**
 * One report read, JSON or CSV: a disclosure of practice data, so who read which report, with which
 * parameters, as which format, and when. Never the report's rows.
 */
export interface ReportRead {
  readonly id: string;
  readonly userId: string;
  readonly practiceId: string;
  readonly report: string;
  readonly format: 'json' | 'csv';
  readonly parameters: { readonly from: string; readonly to: string; readonly granularity: string };
  readonly at: string;
}

export interface ReportReadsPage {
  readonly after?: { readonly at: string; readonly id: string };
  readonly limit: number;
}

export interface ReportReadSink {
  write(read: ReportRead): Promise<void>;
  readsOf(practiceId: string, page: ReportReadsPage): Promise<ReportRead[]>;
  close(): Promise<void>;
}

/** Embedded default: an append-only table in its own SQLite file under DATA_DIR. */
export class SqliteReportReadSink implements ReportReadSink {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(privateFile(join(dataDir, 'report-reads.sqlite')));
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS report_reads (
      id TEXT PRIMARY KEY, user_id TEXT NOT NULL, practice_id TEXT NOT NULL, report TEXT NOT NULL,
      format TEXT NOT NULL, parameters TEXT NOT NULL, at TEXT NOT NULL)`);
    this.db.exec('CREATE INDEX IF NOT EXISTS report_reads_page ON report_reads (practice_id, at, id)');
  }

  async write(read: ReportRead): Promise<void> {
    this.db
      .prepare('INSERT INTO report_reads (id, user_id, practice_id, report, format, parameters, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(read.id, read.userId, read.practiceId, read.report, read.format, JSON.stringify(read.parameters), read.at);
  }

  async readsOf(practiceId: string, page: ReportReadsPage): Promise<ReportRead[]> {
    const columns = 'SELECT id, user_id, practice_id, report, format, parameters, at FROM report_reads WHERE practice_id = ?';
    const order = 'ORDER BY at, id LIMIT ?';
    const rows = (
      page.after
        ? this.db.prepare(`${columns} AND (at > ? OR (at = ? AND id > ?)) ${order}`).all(practiceId, page.after.at, page.after.at, page.after.id, page.limit)
        : this.db.prepare(`${columns} ${order}`).all(practiceId, page.limit)
    ) as Record<string, string>[];
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      practiceId: row.practice_id,
      report: row.report,
      format: row.format as ReportRead['format'],
      parameters: JSON.parse(row.parameters) as ReportRead['parameters'],
      at: row.at,
    }));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

const READ_ORDER = { at: 1, _id: 1 } as const;
export const REPORT_READS = 'report_reads';

/** Production: a collection of the MongoDB read store (primary data there, not a projection). */
export class ReadStoreReportReadSink implements ReportReadSink {
  private indexed: Promise<void> | undefined;

  constructor(private readonly store: ReadStore) {}

  async write(read: ReportRead): Promise<void> {
    await this.store.collection(REPORT_READS).bulkWrite([{ kind: 'put', doc: { _id: read.id, ...read } }]);
  }

  async readsOf(practiceId: string, page: ReportReadsPage): Promise<ReportRead[]> {
    const reads = this.store.collection(REPORT_READS);
    this.indexed ??= reads.ensureIndexes([{ name: 'practice_at', keys: { practiceId: 1, at: 1, _id: 1 } }]).catch((error: unknown) => {
      this.indexed = undefined;
      throw error;
    });
    await this.indexed;
    const filter = { practiceId };
    const paged = page.after ? afterKeys(filter, READ_ORDER, [page.after.at, page.after.id]) : filter;
    const docs = await reads.find(paged, { sort: READ_ORDER, limit: page.limit });
    return docs.map(({ _id, _position, ...read }) => read as unknown as ReportRead);
  }

  async close(): Promise<void> {}
}

/** Every report read is attributable to a user: recorded before the report is answered. */
export class ReportReadAudit {
  constructor(private readonly sink: ReportReadSink) {}

  record(read: Omit<ReportRead, 'id' | 'at'>): Promise<void> {
    return this.sink.write({ ...read, id: randomUUID(), at: new Date().toISOString() });
  }

  readsOf(practiceId: string, page: ReportReadsPage): Promise<ReportRead[]> {
    return this.sink.readsOf(practiceId, page);
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}
