import { MongoClient, type Collection, type Db, type MongoClientOptions } from 'mongodb';
import { ReadStoreUnavailableError, isUnavailable } from '@practice/read-store';
import type {
  Credential,
  CredentialStore,
  SignInAttempts,
  SignInLimits,
  SignInOutcome,
  SignInSlot,
  TwoFactorSecret,
} from './credential-store';
import type { SecretBox } from './secret-box';

export interface MongoCredentialStoreOptions {
  /** A MongoDB connection string, e.g. `mongodb://host:27017/practice?replicaSet=rs0`. */
  readonly url: string;
  /**
   * Default: `<database named in the URL>_credentials`, else `practice_credentials`. Apart from the read
   * models: those can be dropped and rebuilt from the log, secrets cannot, and access to them is narrower.
   */
  readonly dbName?: string;
  /** Seals the 2-step secrets (SECRETS_KEY). */
  readonly secrets: SecretBox;
  /** Further driver options (timeouts, TLS, pool size). The write concern is always majority. */
  readonly clientOptions?: MongoClientOptions;
}

interface CredentialDocument {
  _id: string;
  passwordHash: string;
  version: number;
}

interface TwoFactorDocument {
  _id: string;
  pendingSecret: string | null;
  activeSecret: string | null;
  recoveryCodeHashes: string[];
  lastTotpStep?: number;
}

interface AttemptsDocument {
  _id: string;
  attempts: number;
  inFlight: number;
  windowStartedAt: string;
  windowEndsAt: string;
  /** Whether the last reservation got a slot: how the one atomic update tells its caller. */
  lastGranted: boolean;
  /** Only on documents written before attempts were reserved (they counted failures). */
  failures?: number;
  lockedUntil?: string | null;
}

const DEFAULT_DB_PREFIX = 'practice';

/**
 * The credential store of production mode: in MongoDB, so that any number of API replicas share it.
 * Same semantics as SqliteCredentialStore. What must not race is one atomic operation on one document:
 * the version bump (and the version it returns), activating a pending secret, using a recovery code.
 * Writes are acknowledged by a majority, so a failover cannot bring back a replaced password.
 */
export class MongoCredentialStore implements CredentialStore {
  private readonly credentials: Collection<CredentialDocument>;
  private readonly twoFactor: Collection<TwoFactorDocument>;
  private readonly attempts: Collection<AttemptsDocument>;
  private closed = false;

  private constructor(
    private readonly client: MongoClient,
    db: Db,
    private readonly secrets: SecretBox,
  ) {
    this.credentials = db.collection<CredentialDocument>('credentials');
    this.twoFactor = db.collection<TwoFactorDocument>('two_factor');
    this.attempts = db.collection<AttemptsDocument>('sign_in_attempts');
  }

  /** Connects (selecting a server once), or fails with ReadStoreUnavailableError when none answers. */
  static async connect(options: MongoCredentialStoreOptions): Promise<MongoCredentialStore> {
    const client = new MongoClient(options.url, { ...options.clientOptions, writeConcern: { w: 'majority' } });
    try {
      await client.connect();
    } catch (error) {
      await client.close().catch(() => undefined);
      throw unavailable(error);
    }
    const dbName = options.dbName ?? `${databaseInUrl(options.url) ?? DEFAULT_DB_PREFIX}_credentials`;
    const store = new MongoCredentialStore(client, client.db(dbName), options.secrets);
    try {
      await store.sealPlainSecrets();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  get(userId: string): Promise<Credential | undefined> {
    return this.run(async () => {
      const doc = await this.credentials.findOne({ _id: userId });
      return doc ? toCredential(doc) : undefined;
    });
  }

  put(userId: string, passwordHash: string): Promise<Credential> {
    return this.run(async () => {
      // `$inc` on an upsert starts from 0, so a new credential gets version 1. Returning the document
      // the update wrote (not a later read) gives the caller the version of *its* password.
      const doc = await this.credentials.findOneAndUpdate(
        { _id: userId },
        { $set: { passwordHash }, $inc: { version: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
      if (!doc) throw new Error(`the credential of ${userId} was not returned by its upsert`);
      return toCredential(doc);
    });
  }

  getTwoFactor(userId: string): Promise<TwoFactorSecret | undefined> {
    return this.run(async () => {
      const doc = await this.twoFactor.findOne({ _id: userId });
      if (!doc) return undefined;
      return {
        pendingSecret: await this.openSecret(userId, 'pendingSecret', doc.pendingSecret ?? null),
        activeSecret: await this.openSecret(userId, 'activeSecret', doc.activeSecret ?? null),
        recoveryCodeHashes: doc.recoveryCodeHashes ?? [],
      };
    });
  }

  putPendingTwoFactor(userId: string, secret: string): Promise<void> {
    return this.run(async () => {
      await this.twoFactor.updateOne(
        { _id: userId },
        { $set: { pendingSecret: this.secrets.seal(secret, userId) }, $setOnInsert: { activeSecret: null, recoveryCodeHashes: [] } },
        { upsert: true },
      );
    });
  }

  activateTwoFactor(userId: string, recoveryCodeHashes: readonly string[]): Promise<void> {
    return this.run(async () => {
      // A pipeline update, so the pending secret moves to active in the same write that checks it is
      // there. `$literal`: in a pipeline a string starting with `$` would be read as a field path.
      await this.twoFactor.updateOne({ _id: userId, pendingSecret: { $ne: null } }, [
        { $set: { activeSecret: '$pendingSecret', pendingSecret: null, recoveryCodeHashes: { $literal: [...recoveryCodeHashes] } } },
      ]);
    });
  }

  removeTwoFactor(userId: string): Promise<void> {
    return this.run(async () => {
      await this.twoFactor.deleteOne({ _id: userId });
    });
  }

  reserveSignInAttempt(key: string, now: Date, limits: SignInLimits): Promise<SignInSlot> {
    return this.run(async () => {
      const at = now.toISOString();
      const windowEndsAt = new Date(now.getTime() + limits.windowMs).toISOString();
      // One pipeline update (upserting): a new window if there is none or it ended, then one more
      // attempt if the window has any left. A document written before attempts were reserved counts its
      // failures until its lock runs out.
      const doc = await this.attempts.findOneAndUpdate(
        { _id: key },
        [
          { $set: { _ends: { $ifNull: ['$windowEndsAt', { $ifNull: ['$lockedUntil', ''] }] } } },
          { $set: { _fresh: { $lte: ['$_ends', at] } } },
          { $set: { _used: { $cond: ['$_fresh', 0, { $ifNull: ['$attempts', { $ifNull: ['$failures', 0] }] }] } } },
          { $set: { _granted: { $lt: ['$_used', limits.maxAttempts] } } },
          {
            $set: {
              attempts: { $add: ['$_used', { $cond: ['$_granted', 1, 0] }] },
              inFlight: { $add: [{ $cond: ['$_fresh', 0, { $ifNull: ['$inFlight', 0] }] }, { $cond: ['$_granted', 1, 0] }] },
              windowStartedAt: { $cond: ['$_fresh', at, { $ifNull: ['$windowStartedAt', '$_ends'] }] },
              windowEndsAt: { $cond: ['$_fresh', windowEndsAt, '$_ends'] },
              lastGranted: '$_granted',
            },
          },
          { $unset: ['_ends', '_fresh', '_used', '_granted', 'failures', 'lockedUntil'] },
        ],
        { upsert: true, returnDocument: 'after' },
      );
      if (!doc) throw new Error('the sign-in attempts were not returned by their upsert');
      return doc.lastGranted
        ? { granted: true, attempt: doc.attempts, window: doc.windowStartedAt }
        : { granted: false, until: doc.windowEndsAt };
    });
  }

  settleSignInAttempt(key: string, slot: Extract<SignInSlot, { granted: true }>, outcome: SignInOutcome): Promise<void> {
    return this.run(async () => {
      const ofWindow = { _id: key, windowStartedAt: slot.window };
      const ended = { inFlight: { $max: [{ $subtract: ['$inFlight', 1] }, 0] } };
      switch (outcome.result) {
        case 'failed':
          // The later of the two ends; $cond, as the wire-protocol test server's $max does not order strings as MongoDB does.
          const lock = outcome.lockUntil === null ? {} : { windowEndsAt: { $cond: [{ $gt: [outcome.lockUntil, '$windowEndsAt'] }, outcome.lockUntil, '$windowEndsAt'] } };
          await this.attempts.updateOne(ofWindow, [{ $set: { ...ended, ...lock } }]);
          return;
        case 'signed-in': {
          // A reset only when no other check of the key is under way; otherwise the slot stays used.
          const reset = await this.attempts.deleteOne({ ...ofWindow, inFlight: { $lte: 1 } });
          if (reset.deletedCount === 0) await this.attempts.updateOne(ofWindow, [{ $set: ended }]);
          return;
        }
        case 'kept':
          await this.attempts.updateOne(ofWindow, [{ $set: ended }]);
          return;
        case 'not-checked':
          await this.attempts.updateOne(ofWindow, [{ $set: { ...ended, attempts: { $max: [{ $subtract: ['$attempts', 1] }, 0] } } }]);
          return;
      }
    });
  }

  useTotpStep(userId: string, step: number): Promise<boolean> {
    return this.run(async () => {
      // One conditional update: of two sign-ins with the same code, one moves the step, one does not.
      const result = await this.twoFactor.updateOne(
        { _id: userId, $or: [{ lastTotpStep: { $exists: false } }, { lastTotpStep: { $lt: step } }] },
        { $set: { lastTotpStep: step } },
      );
      return result.modifiedCount === 1;
    });
  }

  consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    return this.run(async () => {
      // Matches only while the code is still there: of two concurrent uses, one modifies, one does not.
      const result = await this.twoFactor.updateOne({ _id: userId, recoveryCodeHashes: codeHash }, { $pull: { recoveryCodeHashes: codeHash } });
      return result.modifiedCount === 1;
    });
  }

  getAttempts(key: string, now: Date): Promise<SignInAttempts> {
    return this.run(async () => {
      const doc = await this.attempts.findOne({ _id: key });
      const windowEndsAt = doc?.windowEndsAt ?? doc?.lockedUntil ?? null;
      if (!doc || windowEndsAt === null || windowEndsAt <= now.toISOString()) return { attempts: 0, inFlight: 0, windowEndsAt: null };
      return { attempts: doc.attempts ?? doc.failures ?? 0, inFlight: doc.inFlight ?? 0, windowEndsAt };
    });
  }

  /** Closes the connections; later calls reject with ReadStoreUnavailableError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  /** The secret of a stored value; one stored plain (or under a previous key) is sealed anew on the way. */
  private async openSecret(userId: string, field: 'pendingSecret' | 'activeSecret', stored: string | null): Promise<string | null> {
    if (stored === null) return null;
    const { secret, reseal } = this.secrets.open(stored, userId);
    // Only while the value is still the one read: a secret changed meanwhile is left to its writer.
    if (reseal) await this.twoFactor.updateOne({ _id: userId, [field]: stored }, { $set: { [field]: this.secrets.seal(secret, userId) } });
    return secret;
  }

  /** At start: secrets stored plain by an earlier version (or under a previous key) are sealed. */
  private sealPlainSecrets(): Promise<void> {
    return this.run(async () => {
      const docs = this.twoFactor.find({}, { projection: { pendingSecret: 1, activeSecret: 1 } });
      for await (const doc of docs) {
        for (const field of ['pendingSecret', 'activeSecret'] as const) {
          const stored = doc[field] ?? null;
          if (stored !== null && this.secrets.needsResealing(stored)) await this.openSecret(doc._id, field, stored);
        }
      }
    });
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    // The driver would silently reconnect a closed client; a closed store stays closed.
    if (this.closed) throw new ReadStoreUnavailableError('the MongoDB credential store is closed');
    try {
      return await operation();
    } catch (error) {
      throw isUnavailable(error) ? unavailable(error) : error;
    }
  }
}

function toCredential(doc: CredentialDocument): Credential {
  return { userId: doc._id, passwordHash: doc.passwordHash, version: doc.version };
}

function unavailable(error: unknown): ReadStoreUnavailableError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ReadStoreUnavailableError(`MongoDB credential store unavailable: ${detail}`, error);
}

/** The database path of a connection string (`mongodb://host/db?...`), if it names one. */
function databaseInUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(url);
  return match ? decodeURIComponent(match[1]) : undefined;
}
