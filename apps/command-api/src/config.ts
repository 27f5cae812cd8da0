import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Everything the process reads from its environment, read once at start. */
export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  /** Unset: the embedded SQLite event store under dataDir. */
  readonly eventStoreUrl: string | undefined;
  /** Unset: in-memory read models, rebuilt from the log at start, projected in this process. */
  readonly mongoUrl: string | undefined;
  readonly tokenSecret: string;
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

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const eventStoreUrl = env.EVENTSTORE_URL || undefined;
  const mongoUrl = env.MONGODB_URL || undefined;
  const embedded = eventStoreUrl === undefined && mongoUrl === undefined;
  return {
    port: integer(env.PORT, 3000, 'PORT'),
    dataDir,
    eventStoreUrl,
    mongoUrl,
    tokenSecret: tokenSecretFor(env, dataDir, embedded),
    tokenTtlSeconds: integer(env.TOKEN_TTL_SECONDS, 900, 'TOKEN_TTL_SECONDS'),
    // With an in-memory read store the API must project itself; with MongoDB the projector may run apart.
    embeddedProjector: mongoUrl === undefined || env.EMBEDDED_PROJECTOR === 'true',
    consistencyWaitMs: integer(env.CONSISTENCY_WAIT_MS, 5000, 'CONSISTENCY_WAIT_MS'),
    bodyLimit: env.BODY_LIMIT ?? '64kb',
  };
};
