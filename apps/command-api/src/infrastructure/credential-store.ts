import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * Secrets live here, outside the event log: an event is forever and is replayed to auditors, a secret
 * must be replaceable and never shown. Password hashes, 2-step secrets, hashes of recovery codes, and
 * the sign-in failure counters (keyed by a hash of the email, whether or not an account has it).
 */
export interface Credential {
  readonly userId: string;
  readonly passwordHash: string;
  /** Bumped when the password changes, so tokens issued before stop working. */
  readonly version: number;
}

export interface TwoFactorSecret {
  /** Set up but not yet verified: not required at sign-in. */
  readonly pendingSecret: string | null;
  /** Verified and required at sign-in. */
  readonly activeSecret: string | null;
  readonly recoveryCodeHashes: readonly string[];
}

export interface SignInAttempts {
  readonly failures: number;
  readonly lockedUntil: string | null;
}

export interface CredentialStore {
  get(userId: string): Promise<Credential | undefined>;
  /** Creates the credential, or replaces it with version + 1. */
  put(userId: string, passwordHash: string): Promise<Credential>;
  getTwoFactor(userId: string): Promise<TwoFactorSecret | undefined>;
  putPendingTwoFactor(userId: string, secret: string): Promise<void>;
  activateTwoFactor(userId: string, recoveryCodeHashes: readonly string[]): Promise<void>;
  removeTwoFactor(userId: string): Promise<void>;
  /** Removes one recovery code; false when it was not there (used already, or never). */
  consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean>;
  getAttempts(key: string): Promise<SignInAttempts>;
  putAttempts(key: string, attempts: SignInAttempts): Promise<void>;
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
    this.db.exec(`CREATE TABLE IF NOT EXISTS two_factor (
      user_id TEXT PRIMARY KEY,
      pending_secret TEXT,
      active_secret TEXT,
      recovery_code_hashes TEXT NOT NULL DEFAULT '[]'
    )`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS sign_in_attempts (
      attempt_key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      locked_until TEXT
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

  async getTwoFactor(userId: string): Promise<TwoFactorSecret | undefined> {
    const row = this.db
      .prepare('SELECT pending_secret, active_secret, recovery_code_hashes FROM two_factor WHERE user_id = ?')
      .get(userId) as { pending_secret: string | null; active_secret: string | null; recovery_code_hashes: string } | undefined;
    return (
      row && {
        pendingSecret: row.pending_secret,
        activeSecret: row.active_secret,
        recoveryCodeHashes: JSON.parse(row.recovery_code_hashes) as string[],
      }
    );
  }

  async putPendingTwoFactor(userId: string, secret: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO two_factor (user_id, pending_secret) VALUES (?, ?)
         ON CONFLICT(user_id) DO UPDATE SET pending_secret = excluded.pending_secret`,
      )
      .run(userId, secret);
  }

  async activateTwoFactor(userId: string, recoveryCodeHashes: readonly string[]): Promise<void> {
    this.db
      .prepare(
        `UPDATE two_factor SET active_secret = pending_secret, pending_secret = NULL, recovery_code_hashes = ?
         WHERE user_id = ? AND pending_secret IS NOT NULL`,
      )
      .run(JSON.stringify(recoveryCodeHashes), userId);
  }

  async removeTwoFactor(userId: string): Promise<void> {
    this.db.prepare('DELETE FROM two_factor WHERE user_id = ?').run(userId);
  }

  async consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    return this.db.transaction(() => {
      const current = this.db.prepare('SELECT recovery_code_hashes FROM two_factor WHERE user_id = ?').get(userId) as
        | { recovery_code_hashes: string }
        | undefined;
      const hashes = current ? (JSON.parse(current.recovery_code_hashes) as string[]) : [];
      if (!hashes.includes(codeHash)) return false;
      this.db
        .prepare('UPDATE two_factor SET recovery_code_hashes = ? WHERE user_id = ?')
        .run(JSON.stringify(hashes.filter((hash) => hash !== codeHash)), userId);
      return true;
    })();
  }

  async getAttempts(key: string): Promise<SignInAttempts> {
    const row = this.db.prepare('SELECT failures, locked_until FROM sign_in_attempts WHERE attempt_key = ?').get(key) as
      | { failures: number; locked_until: string | null }
      | undefined;
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : { failures: 0, lockedUntil: null };
  }

  async putAttempts(key: string, attempts: SignInAttempts): Promise<void> {
    if (attempts.failures === 0 && attempts.lockedUntil === null) {
      this.db.prepare('DELETE FROM sign_in_attempts WHERE attempt_key = ?').run(key);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO sign_in_attempts (attempt_key, failures, locked_until) VALUES (?, ?, ?)
         ON CONFLICT(attempt_key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
      )
      .run(key, attempts.failures, attempts.lockedUntil);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
