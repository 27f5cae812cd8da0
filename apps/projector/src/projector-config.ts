import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOG_LEVELS, parseLogLevel, type EngineSettings, type LogLevel } from '@practice/engines';
import { messagesConfig } from '../../command-api/src/config';
import type { MessagingSettings } from '../../command-api/src/messages/messaging';

export interface ProjectorConfig extends EngineSettings {
  /** Port of the projector's own /health and /metrics. */
  readonly port: number;
  readonly maxBatchSize: number;
  /** pino's level (LOG_LEVEL, default info). */
  readonly logLevel: LogLevel;
  /**
   * The outbox (message workflows and dispatcher) runs here too when TOKEN_SECRET is set (the links in
   * messages are signed with it, as the API verifies them); MESSAGES_IN_PROJECTOR=false turns it off.
   */
  readonly messaging?: MessagingSettings;
}

export class ProjectorConfigError extends Error {}

export const loadProjectorConfig = (env: NodeJS.ProcessEnv = process.env): ProjectorConfig => {
  const mongoUrl = env.MONGODB_URL || undefined;
  // In-memory read models live in the process that serves them: a separate projector needs MongoDB.
  if (mongoUrl === undefined) {
    throw new ProjectorConfigError('MONGODB_URL is required: with in-memory read models the API runs its own projector');
  }
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const port = Number(env.PROJECTOR_PORT ?? 3001);
  const maxBatchSize = Number(env.PROJECTOR_BATCH_SIZE ?? 1000);
  if (!Number.isInteger(port) || port < 0) throw new ProjectorConfigError('PROJECTOR_PORT must be a port number');
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new ProjectorConfigError('PROJECTOR_BATCH_SIZE must be a positive integer');
  const logLevel = parseLogLevel(env.LOG_LEVEL);
  if (logLevel === undefined) throw new ProjectorConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const tokenSecret = env.TOKEN_SECRET;
  const messaging = tokenSecret && env.MESSAGES_IN_PROJECTOR !== 'false' && env.MESSAGES_ENABLED !== 'false' ? { dataDir, tokenSecret, messages: messagesConfig(env) } : undefined;
  return { dataDir, eventStoreUrl: env.EVENTSTORE_URL || undefined, mongoUrl, port, maxBatchSize, logLevel, messaging };
};
