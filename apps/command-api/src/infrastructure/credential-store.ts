import Database from 'better-sqlite3';
import { join } from 'node:path';
import { privateFile } from '@practice/event-store';
import type { SecretBox } from './secret-box';

/**
 * Secrets live here, outside the event log: an event is forever and is replayed to auditors, a secret
 * must be replaceable and never shown. Password hashes, 2-step secrets, hashes of recovery codes, and
 * the sign-in attempt counters (keyed by a hash of the email, whether or not an account has it).
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

/** The sign-in attempts of a key in its current window (no window: nothing counted). */
export interface SignInAttempts {
  /** Password checks the window has given out: failed, under way, or kept (see settleSignInAttempt). */
  readonly attempts: number;
  /** Of those, the checks still under way. */
  readonly inFlight: number;
  /** When the window's count is forgotten; null: no window. */
  readonly windowEndsAt: string | null;
}

export interface SignInLimits {
  /** Password checks per window. */
  readonly maxAttempts: number;
  /** How long a window lasts from its first attempt. */
  readonly windowMs: number;
}

/** The answer to a reservation: a password check may be made, or not before `until`. */
export type SignInSlot =
  | {
      readonly granted: true;
      /** Its number in the window (1 = the first). */
      readonly attempt: number;
      /** The window it was given in (its start): settling it in a later window changes nothing. */
      readonly window: string;
    }
  | { readonly granted: false; readonly until: string };

/**
 * How a reserved attempt ended:
 * - failed: a wrong password or second factor. It keeps its slot; `lockUntil` moves the end of the
 *   window later (the lock after the last allowed failure).
 * - signed-in: resets the key when no other check of it is under way; otherwise keeps its slot, so
 *   checks that arrived together never get more slots than the window has.
 * - kept: checked, but neither signed in nor failed (right password, second factor still to be sent;
 *   or an error on our side after the check). Keeps its slot.
 * - not-checked: no password was checked (an error on our side came first). Gives the slot back.
 */
export type SignInOutcome =
  | { readonly result: 'failed'; readonly lockUntil: string | null }
  | { readonly result: 'signed-in' | 'kept' | 'not-checked' };

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
  /** The key's attempts in its window as of `now` (an ended window counts nothing). */
  getAttempts(key: string, now: Date): Promise<SignInAttempts>;
  /**
   * Takes one of the key's `maxAttempts` password checks of the window, in one atomic write made
   * before the (slow) check, so checks that arrive together are counted together: attempts under way
   * count as well as those that failed. A window starts at the first attempt and ends `windowMs` later
   * (or later still, see `lockUntil`); then its count is forgotten.
   */
  reserveSignInAttempt(key: string, now: Date, limits: SignInLimits): Promise<SignInSlot>;
  /** Records how a reserved attempt ended (see SignInOutcome). */
  settleSignInAttempt(key: string, slot: Extract<SignInSlot, { granted: true }>, outcome: SignInOutcome): Promise<void>;
  close(): Promise<void>;
}

const NO_ATTEMPTS: SignInAttempts = { attempts: 0, inFlight: 0, windowEndsAt: null };

interface ReserveParameters {
  key: string;
  now: string;
  windowEndsAt: string;
  maxAttempts: number;
}

interface EndParameters {
  key: string;
  window: string;
  lockUntil: string | null;
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
  attempts: number;
  in_flight: number;
  window_ends_at: string;
}

/** At most this many credentials are remembered between checks; past it the memory starts again. */
const REMEMBERED_CREDENTIALS = 10_000;

export class SqliteCredentialStore implements CredentialStore {
  private readonly db: Database.Database;
  /**
   * The credentials read since the file last changed, for the auth guard's check of every request.
   * They are kept only while `PRAGMA data_version` (changed by any commit of another connection, in
   * this process or another) stays the one they were read at, and forgotten on this connection's own
   * change (`put`): a password changed anywhere is seen by the very next check, as with a read.
   */
  private remembered = new Map<string, Credential | undefined>();
  private rememberedAt: number | undefined;
  private readonly dataVersion: Database.Statement<[], number>;
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
  private readonly reserveAttempt: Database.Statement<[ReserveParameters], { attempts: number; window_started_at: string }>;
  private readonly endAttempt: Database.Statement<[EndParameters]>;
  private readonly resetAttempts: Database.Statement<[{ key: string; window: string }]>;
  private readonly giveAttemptBack: Database.Statement<[{ key: string; window: string }]>;
  private readonly settleSignedIn: (key: string, window: string) => void;
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
    this.createSignInAttempts();
    this.selectCredential = this.db.prepare('SELECT user_id, password_hash, version FROM credentials WHERE user_id = ?');
    this.dataVersion = this.db.prepare<[], number>('PRAGMA data_version').pluck();
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
    this.selectAttempts = this.db.prepare('SELECT attempts, in_flight, window_ends_at FROM sign_in_attempts WHERE attempt_key = ?');
    // One statement: a new window (no row, or the row's window ended), or one more attempt in the
    // current window while it has any left. A refusal updates nothing, so it returns no row.
    this.reserveAttempt = this.db.prepare(
      `INSERT INTO sign_in_attempts (attempt_key, attempts, in_flight, window_started_at, window_ends_at)
       VALUES (@key, 1, 1, @now, @windowEndsAt)
       ON CONFLICT(attempt_key) DO UPDATE SET
         attempts = CASE WHEN window_ends_at <= @now THEN 1 ELSE attempts + 1 END,
         in_flight = CASE WHEN window_ends_at <= @now THEN 1 ELSE in_flight + 1 END,
         window_started_at = CASE WHEN window_ends_at <= @now THEN @now ELSE window_started_at END,
         window_ends_at = CASE WHEN window_ends_at <= @now THEN @windowEndsAt ELSE window_ends_at END
       WHERE window_ends_at <= @now OR attempts < @maxAttempts
       RETURNING attempts, window_started_at`,
    );
    this.endAttempt = this.db.prepare(
      `UPDATE sign_in_attempts SET in_flight = MAX(in_flight - 1, 0), window_ends_at = MAX(window_ends_at, COALESCE(@lockUntil, ''))
       WHERE attempt_key = @key AND window_started_at = @window`,
    );
    this.resetAttempts = this.db.prepare('DELETE FROM sign_in_attempts WHERE attempt_key = @key AND window_started_at = @window AND in_flight <= 1');
    this.giveAttemptBack = this.db.prepare(
      `UPDATE sign_in_attempts SET in_flight = MAX(in_flight - 1, 0), attempts = MAX(attempts - 1, 0)
       WHERE attempt_key = @key AND window_started_at = @window`,
    );
    this.settleSignedIn = this.db.transaction((key: string, window: string): void => {
      if (this.resetAttempts.run({ key, window }).changes === 0) this.endAttempt.run({ key, window, lockUntil: null });
    });
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
    const version = this.dataVersion.get();
    if (version !== this.rememberedAt || this.remembered.size >= REMEMBERED_CREDENTIALS) {
      this.remembered = new Map();
      this.rememberedAt = version;
    }
    if (this.remembered.has(userId)) return this.remembered.get(userId);
    const row = this.selectCredential.get(userId);
    const credential = row && { userId: row.user_id, passwordHash: row.password_hash, version: row.version };
    this.remembered.set(userId, credential);
    return credential;
  }

  async put(userId: string, passwordHash: string): Promise<Credential> {
    this.upsertCredential.run(userId, passwordHash);
    this.remembered = new Map();
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

  async getAttempts(key: string, now: Date): Promise<SignInAttempts> {
    const row = this.selectAttempts.get(key);
    return row && row.window_ends_at > now.toISOString()
      ? { attempts: row.attempts, inFlight: row.in_flight, windowEndsAt: row.window_ends_at }
      : NO_ATTEMPTS;
  }

  async reserveSignInAttempt(key: string, now: Date, limits: SignInLimits): Promise<SignInSlot> {
    const parameters = {
      key,
      now: now.toISOString(),
      windowEndsAt: new Date(now.getTime() + limits.windowMs).toISOString(),
      maxAttempts: limits.maxAttempts,
    };
    const granted = this.reserveAttempt.get(parameters);
    if (granted) return { granted: true, attempt: granted.attempts, window: granted.window_started_at };
    return { granted: false, until: this.selectAttempts.get(key)?.window_ends_at ?? parameters.windowEndsAt };
  }

  async settleSignInAttempt(key: string, slot: Extract<SignInSlot, { granted: true }>, outcome: SignInOutcome): Promise<void> {
    const window = slot.window;
    switch (outcome.result) {
      case 'failed':
        this.endAttempt.run({ key, window, lockUntil: outcome.lockUntil });
        return;
      case 'signed-in':
        this.settleSignedIn(key, window);
        return;
      case 'kept':
        this.endAttempt.run({ key, window, lockUntil: null });
        return;
      case 'not-checked':
        this.giveAttemptBack.run({ key, window });
        return;
    }
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

  /**
   * The attempts table. One written before attempts were reserved (it counted failures only) is
   * replaced on open: its running locks are kept as used-up windows, its other counts are forgotten.
   */
  private createSignInAttempts(): void {
    const columns = (this.db.prepare('PRAGMA table_info(sign_in_attempts)').all() as { name: string }[]).map((c) => c.name);
    const create = `CREATE TABLE IF NOT EXISTS sign_in_attempts (
      attempt_key TEXT PRIMARY KEY,
      attempts INTEGER NOT NULL,
      in_flight INTEGER NOT NULL,
      window_started_at TEXT NOT NULL,
      window_ends_at TEXT NOT NULL
    )`;
    if (!columns.includes('failures')) {
      this.db.exec(create);
      return;
    }
    this.db.transaction(() => {
      this.db.exec('ALTER TABLE sign_in_attempts RENAME TO sign_in_failures_before_reservations');
      this.db.exec(create);
      this.db
        .prepare(
          `INSERT INTO sign_in_attempts (attempt_key, attempts, in_flight, window_started_at, window_ends_at)
           SELECT attempt_key, failures, 0, ?, locked_until FROM sign_in_failures_before_reservations WHERE locked_until > ?`,
        )
        .run(new Date().toISOString(), new Date().toISOString());
      this.db.exec('DROP TABLE sign_in_failures_before_reservations');
    })();
  }

  /** Data directories written before a column existed get it on open. */
  private addColumnIfMissing(table: string, column: string, type: string): void {
    const columns = this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((existing) => existing.name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}
