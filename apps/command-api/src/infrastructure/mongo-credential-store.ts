import { MongoClient, type Collection, type Db } from 'mongodb';
import { ReadStoreUnavailableError } from '../../../../libs/read-store/src/read-store.port';
import { toReadStoreError } from '../../../../libs/read-store/src/mongodb/mongodb-errors';
import type { Credential, CredentialStore, SignInAttempts, TwoFactorSecret } from './credential-store';

interface CredentialDoc {
  _id: string;
  passwordHash: string;
  version: number;
}
interface TwoFactorDoc {
  _id: string;
  pendingSecret: string | null;
  activeSecret: string | null;
  recoveryCodeHashes: string[];
}
interface AttemptsDoc {
  _id: string;
  failures: number;
  lockedUntil: string | null;
}

/** Secrets get a database of their own, apart from the read models (which can be dropped and rebuilt). */
const DEFAULT_DB_NAME = 'practice_credentials';

/**
 * The credential store of production mode: in MongoDB, so any number of API replicas share it. Same
 * semantics as the SQLite one; the operations that must not race (version bump, recovery code use)
 * are single atomic updates.
 */
export class MongoCredentialStore implements CredentialStore {
  private readonly credentials: Collection<CredentialDoc>;
  private readonly twoFactor: Collection<TwoFactorDoc>;
  private readonly attempts: Collection<AttemptsDoc>;

  private constructor(
    private readonly client: MongoClient,
    db: Db,
  ) {
    this.credentials = db.collection<CredentialDoc>('credentials');
    this.twoFactor = db.collection<TwoFactorDoc>('two_factor');
    this.attempts = db.collection<AttemptsDoc>('sign_in_attempts');
  }

  static async connect(options: { url: string; dbName?: string; serverSelectionTimeoutMS?: number }): Promise<MongoCredentialStore> {
    const client = new MongoClient(options.url, {
      writeConcern: { w: 'majority' },
      ...(options.serverSelectionTimeoutMS ? { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS } : {}),
    });
    try {
      await client.connect();
    } catch (error) {
      await client.close().catch(() => undefined);
      throw new ReadStoreUnavailableError('the credential store (MongoDB) cannot be reached', error);
    }
    return new MongoCredentialStore(client, client.db(options.dbName ?? DEFAULT_DB_NAME));
  }

  get(userId: string): Promise<Credential | undefined> {
    return this.guard(async () => {
      const doc = await this.credentials.findOne({ _id: userId });
      return doc ? { userId: doc._id, passwordHash: doc.passwordHash, version: doc.version } : undefined;
    });
  }

  put(userId: string, passwordHash: string): Promise<Credential> {
    return this.guard(async () => {
      await this.credentials.updateOne({ _id: userId }, { $set: { passwordHash }, $inc: { version: 1 } }, { upsert: true });
      return (await this.get(userId))!;
    });
  }

  getTwoFactor(userId: string): Promise<TwoFactorSecret | undefined> {
    return this.guard(async () => {
      const doc = await this.twoFactor.findOne({ _id: userId });
      return doc ? { pendingSecret: doc.pendingSecret, activeSecret: doc.activeSecret, recoveryCodeHashes: doc.recoveryCodeHashes } : undefined;
    });
  }

  putPendingTwoFactor(userId: string, secret: string): Promise<void> {
    return this.guard(async () => {
      await this.twoFactor.updateOne(
        { _id: userId },
        { $set: { pendingSecret: secret }, $setOnInsert: { activeSecret: null, recoveryCodeHashes: [] } },
        { upsert: true },
      );
    });
  }

  activateTwoFactor(userId: string, recoveryCodeHashes: readonly string[]): Promise<void> {
    return this.guard(async () => {
      // One update: the pending secret becomes the active one only if there is a pending secret.
      await this.twoFactor.updateOne({ _id: userId, pendingSecret: { $ne: null } }, [
        { $set: { activeSecret: '$pendingSecret', pendingSecret: null, recoveryCodeHashes: [...recoveryCodeHashes] } },
      ]);
    });
  }

  removeTwoFactor(userId: string): Promise<void> {
    return this.guard(async () => {
      await this.twoFactor.deleteOne({ _id: userId });
    });
  }

  consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    return this.guard(async () => {
      const result = await this.twoFactor.updateOne({ _id: userId, recoveryCodeHashes: codeHash }, { $pull: { recoveryCodeHashes: codeHash } });
      return result.modifiedCount === 1;
    });
  }

  getAttempts(key: string): Promise<SignInAttempts> {
    return this.guard(async () => {
      const doc = await this.attempts.findOne({ _id: key });
      return doc ? { failures: doc.failures, lockedUntil: doc.lockedUntil } : { failures: 0, lockedUntil: null };
    });
  }

  putAttempts(key: string, attempts: SignInAttempts): Promise<void> {
    return this.guard(async () => {
      if (attempts.failures === 0 && attempts.lockedUntil === null) {
        await this.attempts.deleteOne({ _id: key });
        return;
      }
      await this.attempts.updateOne({ _id: key }, { $set: { failures: attempts.failures, lockedUntil: attempts.lockedUntil } }, { upsert: true });
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toReadStoreError(error);
    }
  }
}
