import Database from 'better-sqlite3';
import { join } from 'node:path';
import { privateFile } from '../../../../libs/event-store/src/sqlite/private-file';
import type { SecretBox } from './secret-box';

/**
 * Secrets live here, outside the event log: an event is forever and is replayed to auditors, a secret
 * must be replaceable and never shown. Password hashes, 2-step secrets, hashes of recovery codes, and
 * the sign-in failure counters (keyed by a hash of the email, whether or not an account has it).
 * 2-step secrets are sealed (AES-256-GCM, see SecretBox) by every adapter: a copy of the store alone
 * does not give the codes. Plain ones, stored before sealing, are sealed at start and when read.
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
  /**
   * Records that a code of this time step signed the user in; false when this step or a later one was
   * used already, so a seen code cannot be replayed within its 30 seconds.
   */
  useTotpStep(userId: string, step: number): Promise<boolean>;
  /** Removes one recovery code; false when it was not there (used already, or never). */
  consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean>;
  getAttempts(key: string): Promise<SignInAttempts>;
  putAttempts(key: string, attempts: SignInAttempts): Promise<void>;
  /** Counts one more failed sign-in for the key, atomically; answers the count it reached. */
  addSignInFailure(key: string): Promise<number>;
  close(): Promise<void>;
}

interface CredentialRow {
  user_id: string;
  password_hash: string;
  version: number;
}
interface TwoFactorRow {
  user_id: string;
  pending_secret: string | null;
  active_secret: string | null;
  recovery_code_hashes: string;
}
interface AttemptsRow {
  failures: number;
  locked_until: string | null;
}

export class SqliteCredentialStore implements CredentialStore {
  private readonly db: Database.Database;
  // Prepared once: preparing on every call showed up in CPU profiles of every authenticated request.
  private readonly selectCredential: Database.Statement<[string], CredentialRow>;
  private readonly upsertCredential: Database.Statement<[string, string]>;
  private readonly selectTwoFactor: Database.Statement<[string], TwoFactorRow>;
  private readonly resealPending: Database.Statement<[string, string, string]>;
  private readonly resealActive: Database.Statement<[string, string, string]>;
  private readonly upsertPendingTwoFactor: Database.Statement<[string, string]>;
  private readonly activatePendingTwoFactor: Database.Statement<[string, string]>;
  private readonly deleteTwoFactor: Database.Statement<[string]>;
  private readonly advanceTotpStep: Database.Statement<[number, string, number]>;
  private readonly updateRecoveryCodes: Database.Statement<[string, string]>;
  private readonly selectAttempts: Database.Statement<[string], AttemptsRow>;
  private readonly upsertAttempts: Database.Statement<[string, number, string | null]>;
  private readonly deleteAttempts: Database.Statement<[string]>;
  private readonly incrementFailures: Database.Statement<[string], { failures: number }>;
  private readonly consumeRecoveryCodeTransaction: (userId: string, codeHash: string) => boolean;

  constructor(
    dataDir: string,
    private readonly secrets: SecretBox,
  ) {
    this.db = new Database(privateFile(join(dataDir, 'credentials.sqlite')));
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
    this.addColumnIfMissing('two_factor', 'last_totp_step', 'INTEGER');
    this.db.exec(`CREATE TABLE IF NOT EXISTS sign_in_attempts (
      attempt_key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      locked_until TEXT
    )`);
    this.selectCredential = this.db.prepare('SELECT user_id, password_hash, version FROM credentials WHERE user_id = ?');
    this.upsertCredential = this.db.prepare(
      `INSERT INTO credentials (user_id, password_hash, version) VALUES (?, ?, 1)
       ON CONFLICT(user_id) DO UPDATE SET password_hash = excluded.password_hash, version = version + 1`,
    );
    this.selectTwoFactor = this.db.prepare('SELECT user_id, pending_secret, active_secret, recovery_code_hashes FROM two_factor WHERE user_id = ?');
    // Only while the value is still the one read: a secret changed meanwhile is left to its writer.
    this.resealPending = this.db.prepare('UPDATE two_factor SET pending_secret = ? WHERE user_id = ? AND pending_secret = ?');
    this.resealActive = this.db.prepare('UPDATE two_factor SET active_secret = ? WHERE user_id = ? AND active_secret = ?');
    this.upsertPendingTwoFactor = this.db.prepare(
      `INSERT INTO two_factor (user_id, pending_secret) VALUES (?, ?)
       ON CONFLICT(user_id) DO UPDATE SET pending_secret = excluded.pending_secret`,
    );
    this.activatePendingTwoFactor = this.db.prepare(
      `UPDATE two_factor SET active_secret = pending_secret, pending_secret = NULL, recovery_code_hashes = ?
       WHERE user_id = ? AND pending_secret IS NOT NULL`,
    );
    this.deleteTwoFactor = this.db.prepare('DELETE FROM two_factor WHERE user_id = ?');
    this.advanceTotpStep = this.db.prepare(
      'UPDATE two_factor SET last_totp_step = ? WHERE user_id = ? AND (last_totp_step IS NULL OR last_totp_step < ?)',
    );
    this.updateRecoveryCodes = this.db.prepare('UPDATE two_factor SET recovery_code_hashes = ? WHERE user_id = ?');
    this.selectAttempts = this.db.prepare('SELECT failures, locked_until FROM sign_in_attempts WHERE attempt_key = ?');
    this.upsertAttempts = this.db.prepare(
      `INSERT INTO sign_in_attempts (attempt_key, failures, locked_until) VALUES (?, ?, ?)
       ON CONFLICT(attempt_key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
    );
    this.deleteAttempts = this.db.prepare('DELETE FROM sign_in_attempts WHERE attempt_key = ?');
    this.incrementFailures = this.db.prepare(
      `INSERT INTO sign_in_attempts (attempt_key, failures, locked_until) VALUES (?, 1, NULL)
       ON CONFLICT(attempt_key) DO UPDATE SET failures = failures + 1 RETURNING failures`,
    );
    this.consumeRecoveryCodeTransaction = this.db.transaction((userId: string, codeHash: string): boolean => {
      const current = this.selectTwoFactor.get(userId);
      const hashes = current ? (JSON.parse(current.recovery_code_hashes) as string[]) : [];
      if (!hashes.includes(codeHash)) return false;
      this.updateRecoveryCodes.run(JSON.stringify(hashes.filter((hash) => hash !== codeHash)), userId);
      return true;
    });
    this.sealPlainSecrets();
  }

  async get(userId: string): Promise<Credential | undefined> {
    const row = this.selectCredential.get(userId);
    return row && { userId: row.user_id, passwordHash: row.password_hash, version: row.version };
  }

  async put(userId: string, passwordHash: string): Promise<Credential> {
    this.upsertCredential.run(userId, passwordHash);
    return (await this.get(userId))!;
  }

  async getTwoFactor(userId: string): Promise<TwoFactorSecret | undefined> {
    const row = this.selectTwoFactor.get(userId);
    return (
      row && {
        pendingSecret: this.openSecret(row.user_id, row.pending_secret, this.resealPending),
        activeSecret: this.openSecret(row.user_id, row.active_secret, this.resealActive),
        recoveryCodeHashes: JSON.parse(row.recovery_code_hashes) as string[],
      }
    );
  }

  async putPendingTwoFactor(userId: string, secret: string): Promise<void> {
    this.upsertPendingTwoFactor.run(userId, this.secrets.seal(secret, userId));
  }

  async activateTwoFactor(userId: string, recoveryCodeHashes: readonly string[]): Promise<void> {
    this.activatePendingTwoFactor.run(JSON.stringify(recoveryCodeHashes), userId);
  }

  async removeTwoFactor(userId: string): Promise<void> {
    this.deleteTwoFactor.run(userId);
  }

  async consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    return this.consumeRecoveryCodeTransaction(userId, codeHash);
  }

  async getAttempts(key: string): Promise<SignInAttempts> {
    const row = this.selectAttempts.get(key);
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : { failures: 0, lockedUntil: null };
  }

  async putAttempts(key: string, attempts: SignInAttempts): Promise<void> {
    if (attempts.failures === 0 && attempts.lockedUntil === null) {
      this.deleteAttempts.run(key);
      return;
    }
    this.upsertAttempts.run(key, attempts.failures, attempts.lockedUntil);
  }

  async addSignInFailure(key: string): Promise<number> {
    return this.incrementFailures.get(key)!.failures;
  }

  async useTotpStep(userId: string, step: number): Promise<boolean> {
    return this.advanceTotpStep.run(step, userId, step).changes === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** The secret of a stored value; one stored plain (or under a previous key) is sealed anew on the way. */
  private openSecret(userId: string, stored: string | null, reseal: Database.Statement<[string, string, string]>): string | null {
    if (stored === null) return null;
    const { secret, reseal: stale } = this.secrets.open(stored, userId);
    if (stale) reseal.run(this.secrets.seal(secret, userId), userId, stored);
    return secret;
  }

  /** At start: secrets stored plain by an earlier version (or under a previous key) are sealed. */
  private sealPlainSecrets(): void {
    const rows = this.db.prepare('SELECT user_id, pending_secret, active_secret FROM two_factor').all() as TwoFactorRow[];
    this.db.transaction(() => {
      for (const row of rows) {
        if (row.pending_secret !== null && this.secrets.needsResealing(row.pending_secret)) this.openSecret(row.user_id, row.pending_secret, this.resealPending);
        if (row.active_secret !== null && this.secrets.needsResealing(row.active_secret)) this.openSecret(row.user_id, row.active_secret, this.resealActive);
      }
    })();
  }

  /** Data directories written before a column existed get it on open. */
  private addColumnIfMissing(table: string, column: string, type: string): void {
    const columns = this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((existing) => existing.name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}
