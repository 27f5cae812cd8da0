import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type pretty from 'pino-pretty';
import { batchedDestination } from './log-destination';

export type { DestinationStream, Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL (default info), or undefined when it names no level of pino. */
export const parseLogLevel = (value: string | undefined): LogLevel | undefined => {
  const level = (value || 'info').trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : undefined;
};

/**
 * What a log line must never hold, wherever it comes from: credentials and personal data. The access
 * line is built field by field (see http-pipeline.ts), so these paths are a second line of defence.
 */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.email',
  '*.accessToken',
  '*.token',
];

/** A request or reply in a line: its method and status only (never its URL: the query can hold names). */
const serializers = {
  req: (request: { method?: string; id?: string }) => ({ method: request.method, requestId: request.id }),
  res: (reply: { statusCode?: number }) => ({ status: reply.statusCode }),
  err: pino.stdSerializers.err,
};

/**
 * A process logger (the API's and the projector's): one JSON object a line (pino) at `level`, to `destination` (stdout by default,
 * the lines of a turn of the event loop written together; made readable by pino-pretty when stdout is a terminal).
 */
export const createLogger = (level: LogLevel, destination?: DestinationStream, base?: Record<string, string>): Logger => {
  const options: LoggerOptions = {
    level,
    ...(base === undefined ? {} : { base }),
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers,
    redact: { paths: REDACTED, censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  // pino-pretty is loaded only for a terminal (not by a server writing JSON lines: issue 14, P6).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (process.stdout.isTTY) return pino(options, (require('pino-pretty') as typeof pretty)({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
  // The lines of one turn of the event loop in one write (see log-destination.ts).
  return pino(options, batchedDestination(process.stdout.fd ?? 1));
};

