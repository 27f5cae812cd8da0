import type { LoggerService } from '@nestjs/common';
import { currentRequestId } from '../application/request-context';
import { type Logger } from '@practice/engines';

export { createLogger, type DestinationStream, type Logger } from '@practice/engines';

/** Nest's start-up chatter (one line per module and route): kept for LOG_LEVEL=debug. */
const START_UP_CONTEXTS: ReadonlySet<string> = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's logger (its own lines and every `new Logger(context)` of the application) writing through
 * pino: a line has the context, and the request id when it is written while a request is served.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the context last; `error` may have a stack before it. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    const quiet = level === 'info' && context !== undefined && START_UP_CONTEXTS.has(context);
    const fields = {
      ...(context === undefined ? {} : { context }),
      ...(currentRequestId() === undefined ? {} : { requestId: currentRequestId() }),
      ...(stack === undefined ? {} : { stack }),
      ...(message instanceof Error ? { err: message } : {}),
    };
    const text = message instanceof Error ? message.name : typeof message === 'string' ? message : JSON.stringify(message);
    this.logger[quiet ? 'debug' : level](fields, text);
  }
}
