import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LOG_LEVELS, parseLogLevel, type LogLevel } from '@practice/engines';
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
  /** The largest body accepted, in bytes (BODY_LIMIT, e.g. `64kb`). */
  readonly bodyLimit: number;
  /** pino's level: fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: LogLevel;
  /** Origins browsers may call the API from (CORS_ORIGINS); none: CORS stays closed. */
  readonly corsOrigins: readonly string[];
  /** Where /metrics (and /health) are served, apart from the API: METRICS_HOST:METRICS_PORT. */
  readonly metricsPort: number;
  readonly metricsHost: string;
  /** The largest file a chart document upload may have, in bytes (FILE_LIMIT, e.g. `25mb`). */
  readonly fileLimit: number;
  /** The outbox: transport, sender, links and retry timing (README "Messages"). */
  readonly messages: MessagesConfig;
  /** Snapshots of the in-memory read models under DATA_DIR (README "Read-model snapshots"); undefined: off. */
  readonly snapshots: { readonly everyEvents: number; readonly intervalMs: number } | undefined;
}

export interface MessagesConfig {
  /** MESSAGES_ENABLED=false: this process runs no message workflows and no dispatcher. */
  readonly enabled: boolean;
  /** SMTP_URL: smtp://user:pass@host:587 (STARTTLS), smtps://user:pass@host:465 (TLS). Unset: .eml files under DATA_DIR/outbox. */
  readonly smtpUrl: string | undefined;
  /** MAIL_FROM: the From of every message. */
  readonly from: string;
  /** PUBLIC_URL: where the links in messages point (the web app or this API). */
  readonly publicUrl: string;
  /** MESSAGES_POLL_MS: how often the dispatcher looks for due messages and timers. */
  readonly pollMs: number;
  /** MESSAGES_RETRY_BASE_MS: the wait after a first failure; it doubles after each one. */
  readonly retryBaseMs: number;
  /** MESSAGES_MAX_ATTEMPTS: failures (transient) before a message is parked. */
  readonly maxAttempts: number;
  /** MESSAGES_SEND_TIMEOUT_MS: the longest a send may take; a send started twice as long ago with no outcome is parked. */
  readonly sendTimeoutMs: number;
}


export class ConfigError extends Error {}

const integer = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new ConfigError(`${name} must be a non-negative integer`);
  return parsed;
};

const UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `65536`, `64kb`, `1mb` (units of 1024, as before with Express): a number of bytes. */
export const byteSize = (value: string, name: string): number => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  const bytes = match ? Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new ConfigError(`${name} must be a size such as 64kb or 1mb`);
  return bytes;
};

const logLevel = (value: string | undefined): LogLevel => {
  const level = parseLogLevel(value);
  if (level === undefined) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return level;
};

/** The origin an entry of CORS_ORIGINS names (scheme, host and port, normalised), if it names only that. */
const originOf = (entry: string): string | undefined => {
  try {
    const url = new URL(entry);
    const bare = /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return bare ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

/** `https://app.example.com, http://localhost:5173`: origins only, no path and no wildcard. */
const corsOrigins = (value: string | undefined): string[] => {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const origins = entries.map((entry) => {
    const origin = originOf(entry);
    if (origin === undefined) throw new ConfigError(`each of CORS_ORIGINS must be an origin such as https://app.example.com (no path, no wildcard): ${JSON.stringify(entry)}`);
    return origin;
  });
  return [...new Set(origins)];
};

const port = (value: string | undefined, fallback: number, name: string): number => {
  const parsed = integer(value, fallback, name);
  if (parsed > 65535) throw new ConfigError(`${name} must be a port number`);
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

const smtpUrl = (value: string | undefined): string | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    if (/^smtps?:$/.test(new URL(value).protocol)) return value.trim();
  } catch {
    // answered below
  }
  throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465');
};

/** The outbox's settings (also read by the projector process, which runs the outbox in production). */
export const messagesConfig = (env: NodeJS.ProcessEnv): MessagesConfig => ({
  enabled: env.MESSAGES_ENABLED !== 'false',
  smtpUrl: smtpUrl(env.SMTP_URL),
  from: env.MAIL_FROM || 'Practice Core <no-reply@practice-core.invalid>',
  publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
  pollMs: Math.max(10, integer(env.MESSAGES_POLL_MS, 1000, 'MESSAGES_POLL_MS')),
  retryBaseMs: integer(env.MESSAGES_RETRY_BASE_MS, 30_000, 'MESSAGES_RETRY_BASE_MS'),
  maxAttempts: Math.max(1, integer(env.MESSAGES_MAX_ATTEMPTS, 8, 'MESSAGES_MAX_ATTEMPTS')),
  sendTimeoutMs: Math.max(1000, integer(env.MESSAGES_SEND_TIMEOUT_MS, 60_000, 'MESSAGES_SEND_TIMEOUT_MS')),
});

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  privateDataDir(dataDir);
  const eventStoreUrl = env.EVENTSTORE_URL || undefined;
  const mongoUrl = env.MONGODB_URL || undefined;
  const embedded = eventStoreUrl === undefined && mongoUrl === undefined;
  return {
    port: port(env.PORT, 3000, 'PORT'),
    dataDir,
    eventStoreUrl,
    mongoUrl,
    tokenSecret: tokenSecretFor(env, dataDir, embedded),
    secretsKeys: secretsKeysFor(env, dataDir, embedded),
    tokenTtlSeconds: integer(env.TOKEN_TTL_SECONDS, 900, 'TOKEN_TTL_SECONDS'),
    // With an in-memory read store the API must project itself; with MongoDB the projector may run apart.
    embeddedProjector: mongoUrl === undefined || env.EMBEDDED_PROJECTOR === 'true',
    consistencyWaitMs: integer(env.CONSISTENCY_WAIT_MS, 5000, 'CONSISTENCY_WAIT_MS'),
    bodyLimit: byteSize(env.BODY_LIMIT || '64kb', 'BODY_LIMIT'),
    logLevel: logLevel(env.LOG_LEVEL),
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    metricsPort: port(env.METRICS_PORT, 9464, 'METRICS_PORT'),
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    fileLimit: byteSize(env.FILE_LIMIT || '25mb', 'FILE_LIMIT'),
    messages: messagesConfig(env),
    snapshots:
      env.READ_MODEL_SNAPSHOTS === 'false'
        ? undefined
        : {
            everyEvents: Math.max(1, integer(env.SNAPSHOT_EVERY_EVENTS, 100_000, 'SNAPSHOT_EVERY_EVENTS')),
            intervalMs: 1000 * integer(env.SNAPSHOT_INTERVAL_SECONDS, 300, 'SNAPSHOT_INTERVAL_SECONDS'),
          },
  };
};
