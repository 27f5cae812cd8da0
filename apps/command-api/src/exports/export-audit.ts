import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ReadStore } from '@practice/read-store';
import { privateFile } from '@practice/event-store';
import { afterKeys } from '../http/keyset-page';

/**
 * One disclosure: who exported (or read the change feed of) what, with which parameters, at which cut,
 * how many rows and when. Never the data itself. `rows` and `status` are set when the stream ends.
 */
export interface ExportRecord {
  readonly id: string;
  readonly practiceId: string;
  readonly userId: string;
  readonly role: string;
  readonly kind: 'export' | 'changes';
  readonly dataset: string;
  readonly parameters: Readonly<Record<string, string | number>>;
  readonly position: number;
  readonly rows: number;
  /** `started` until the last row is sent; `completed`, or `aborted` when the reader went away. */
  readonly status: 'started' | 'completed' | 'aborted';
  readonly at: string;
  readonly finishedAt: string | null;
}

/** The parameters of a disclosure as recorded: those the caller gave. */
export const auditParameters = (given: Readonly<Record<string, string | number | undefined>>): Record<string, string | number> =>
  Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string | number] => entry[1] !== undefined));

export interface ExportAuditPage {
  readonly after?: { readonly at: string; readonly id: string };
  readonly limit: number;
}

export interface ExportAuditSink {
  write(record: ExportRecord): Promise<void>;
  finish(id: string, rows: number, status: ExportRecord['status'], finishedAt: string): Promise<void>;
  list(practiceId: string, page: ExportAuditPage): Promise<ExportRecord[]>;
  close(): Promise<void>;
}

/** Embedded default: an append-only table in its own SQLite file under DATA_DIR (the chart reads' pattern). */
export class SqliteExportAuditSink implements ExportAuditSink {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(privateFile(join(dataDir, 'export-audit.sqlite')));
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS export_audit (
      id TEXT PRIMARY KEY, practice_id TEXT NOT NULL, at TEXT NOT NULL, record TEXT NOT NULL)`);
    this.db.exec('CREATE INDEX IF NOT EXISTS export_audit_page ON export_audit (practice_id, at, id)');
  }

  async write(record: ExportRecord): Promise<void> {
    this.db.prepare('INSERT INTO export_audit (id, practice_id, at, record) VALUES (?, ?, ?, ?)').run(record.id, record.practiceId, record.at, JSON.stringify(record));
  }

  async finish(id: string, rows: number, status: ExportRecord['status'], finishedAt: string): Promise<void> {
    const row = this.db.prepare('SELECT record FROM export_audit WHERE id = ?').get(id) as { record: string } | undefined;
    if (!row) return;
    const record = { ...(JSON.parse(row.record) as ExportRecord), rows, status, finishedAt };
    this.db.prepare('UPDATE export_audit SET record = ? WHERE id = ?').run(JSON.stringify(record), id);
  }

  async list(practiceId: string, page: ExportAuditPage): Promise<ExportRecord[]> {
    const rows = (
      page.after
        ? this.db
            .prepare('SELECT record FROM export_audit WHERE practice_id = ? AND (at > ? OR (at = ? AND id > ?)) ORDER BY at, id LIMIT ?')
            .all(practiceId, page.after.at, page.after.at, page.after.id, page.limit)
        : this.db.prepare('SELECT record FROM export_audit WHERE practice_id = ? ORDER BY at, id LIMIT ?').all(practiceId, page.limit)
    ) as { record: string }[];
    return rows.map((row) => JSON.parse(row.record) as ExportRecord);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

const ORDER = { practiceId: 1, at: 1, _id: 1 } as const;
export const EXPORT_AUDIT = 'export_audit';

/** Production: a collection of the MongoDB read store (primary data there, not a projection). */
export class ReadStoreExportAuditSink implements ExportAuditSink {
  private indexed: Promise<void> | undefined;

  constructor(private readonly store: ReadStore) {}

  private collection() {
    const audit = this.store.collection(EXPORT_AUDIT);
    this.indexed ??= audit.ensureIndexes([{ name: 'practice_at', keys: ORDER }]).catch((error: unknown) => {
      this.indexed = undefined;
      throw error;
    });
    return { audit, ready: this.indexed };
  }

  async write(record: ExportRecord): Promise<void> {
    const { audit, ready } = this.collection();
    await ready;
    await audit.bulkWrite([{ kind: 'put', doc: { _id: record.id, ...record } }]);
  }

  async finish(id: string, rows: number, status: ExportRecord['status'], finishedAt: string): Promise<void> {
    const { audit } = this.collection();
    const record = await audit.get(id);
    if (record) await audit.bulkWrite([{ kind: 'put', doc: { ...record, rows, status, finishedAt } }]);
  }

  async list(practiceId: string, page: ExportAuditPage): Promise<ExportRecord[]> {
    const { audit, ready } = this.collection();
    await ready;
    const filter = { practiceId };
    const paged = page.after ? afterKeys(filter, { at: 1, _id: 1 }, [page.after.at, page.after.id]) : filter;
    const docs = await audit.find(paged, { sort: { at: 1, _id: 1 }, limit: page.limit });
    return docs.map(({ _id, _position, ...record }) => record as unknown as ExportRecord);
  }

  async close(): Promise<void> {}
}
