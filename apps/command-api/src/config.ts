import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SecretKeys } from './infrastructure/secret-box';

/** Everything the process reads from its environment, read once at start. */
export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  /** Unset: the embedded SQLite event store under dataDir. */
  readonly eventStoreUrl: string | undefined;
  /** Unset: in-memory read models, rebuilt from the log at start, projected in this process. */
  readonly mongoUrl: string | undefined;
  readonly tokenSecret: string;
  /** Seal the 2-step secrets at rest (SECRETS_KEY, and SECRETS_KEY_PREVIOUS during a rotation). */
  readonly secretsKeys: SecretKeys;
  readonly tokenTtlSeconds: number;
  /** Run the projector inside the API process (the embedded default). */
  readonly embeddedProjector: boolean;
  /** How long a read carrying a consistency token may wait for the read models. */
  readonly consistencyWaitMs: number;
  readonly bodyLimit: string;
}

export class ConfigError extends Error {}

const integer = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new ConfigError(`${name} must be a non-negative integer`);
  return parsed;
};

/**
 * The token signing secret: required with production engines; in the embedded default it is generated
 * once and kept under DATA_DIR so tokens survive a restart.
 */
const tokenSecretFor = (env: NodeJS.ProcessEnv, dataDir: string, embedded: boolean): string => {
  if (env.TOKEN_SECRET) {
    if (env.TOKEN_SECRET.length < 32) throw new ConfigError('TOKEN_SECRET must be at least 32 characters');
    return env.TOKEN_SECRET;
  }
  if (!embedded) throw new ConfigError('TOKEN_SECRET is required when EVENTSTORE_URL or MONGODB_URL is set');
  const file = join(dataDir, 'token-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
};

const KEY_HINT = 'the base64 of 32 random bytes (openssl rand -base64 32)';

const secretsKey = (value: string, name: string): Buffer => {
  const key = Buffer.from(value.trim(), 'base64');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value.trim()) || key.length !== 32) throw new ConfigError(`${name} must be ${KEY_HINT}`);
  return key;
};

/**
 * The key 2-step secrets are sealed with: required with production engines (API replicas must share
 * it); in the embedded default it is generated once and kept under DATA_DIR, like the token secret.
 */
const secretsKeysFor = (env: NodeJS.ProcessEnv, dataDir: string, embedded: boolean): SecretKeys => {
  const previous = (env.SECRETS_KEY_PREVIOUS ?? '')
    .split(',')
    .filter((value) => value.trim() !== '')
    .map((value) => secretsKey(value, 'each of SECRETS_KEY_PREVIOUS'));
  if (env.SECRETS_KEY) return { current: secretsKey(env.SECRETS_KEY, 'SECRETS_KEY'), previous };
  if (!embedded) throw new ConfigError(`SECRETS_KEY is required when EVENTSTORE_URL or MONGODB_URL is set: ${KEY_HINT}`);
  const file = join(dataDir, 'secrets-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return { current: secretsKey(readFileSync(file, 'utf8'), `DATA_DIR/secrets-key`), previous };
};

/**
 * DATA_DIR holds the event log, password hashes and 2-step secrets: only its owner may enter it (0700)
 * or read its files (0600). Files left looser by an earlier version are tightened here, at start; new
 * ones are created 0600.
 */
const privateDataDir = (dataDir: string): void => {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
      if (entry.isFile()) chmodSync(join(dataDir, entry.name), 0o600);
    }
  } catch (error) {
    throw new ConfigError(`DATA_DIR ${dataDir} cannot be made private to this user: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  privateDataDir(dataDir);
  const eventStoreUrl = env.EVENTSTORE_URL || undefined;
  const mongoUrl = env.MONGODB_URL || undefined;
  const embedded = eventStoreUrl === undefined && mongoUrl === undefined;
  return {
    port: integer(env.PORT, 3000, 'PORT'),
    dataDir,
    eventStoreUrl,
    mongoUrl,
    tokenSecret: tokenSecretFor(env, dataDir, embedded),
    secretsKeys: secretsKeysFor(env, dataDir, embedded),
    tokenTtlSeconds: integer(env.TOKEN_TTL_SECONDS, 900, 'TOKEN_TTL_SECONDS'),
    // With an in-memory read store the API must project itself; with MongoDB the projector may run apart.
    embeddedProjector: mongoUrl === undefined || env.EMBEDDED_PROJECTOR === 'true',
    consistencyWaitMs: integer(env.CONSISTENCY_WAIT_MS, 5000, 'CONSISTENCY_WAIT_MS'),
    bodyLimit: env.BODY_LIMIT ?? '64kb',
  };
};
