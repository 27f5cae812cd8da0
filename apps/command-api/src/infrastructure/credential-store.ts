import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * Password hashes live here, outside the event log: an event is forever and is replayed to auditors,
 * a secret must be replaceable and never shown.
 */
export interface Credential {
  readonly userId: string;
  readonly passwordHash: string;
  /** Bumped when the password changes, so tokens issued before stop working. */
  readonly version: number;
}

export interface CredentialStore {
  get(userId: string): Promise<Credential | undefined>;
  /** Creates the credential, or replaces it with version + 1. */
  put(userId: string, passwordHash: string): Promise<Credential>;
  close(): Promise<void>;
}

export class SqliteCredentialStore implements CredentialStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'credentials.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS credentials (
      user_id TEXT PRIMARY KEY,
      password_hash TEXT NOT NULL,
      version INTEGER NOT NULL
    )`);
  }

  async get(userId: string): Promise<Credential | undefined> {
    const row = this.db
      .prepare('SELECT user_id, password_hash, version FROM credentials WHERE user_id = ?')
      .get(userId) as { user_id: string; password_hash: string; version: number } | undefined;
    return row && { userId: row.user_id, passwordHash: row.password_hash, version: row.version };
  }

  async put(userId: string, passwordHash: string): Promise<Credential> {
    this.db
      .prepare(
        `INSERT INTO credentials (user_id, password_hash, version) VALUES (?, ?, 1)
         ON CONFLICT(user_id) DO UPDATE SET password_hash = excluded.password_hash, version = version + 1`,
      )
      .run(userId, passwordHash);
    return (await this.get(userId))!;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
