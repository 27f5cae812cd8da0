import { ErrorType, isCommandError, type CommandError, type CurrentRevision } from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  InvalidEventError,
  StreamDeletedError,
  WrongExpectedRevisionError,
  type ExpectedRevision,
} from '../event-store.port';
import { fromClientCurrentRevision } from './expected-revision.mapping';

export interface ErrorContext {
  readonly streamId?: string;
  readonly expected?: ExpectedRevision;
}

/** Errors after which trying again may succeed: the node went away, was busy, or is not the leader. */
const TRANSIENT: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.UNKNOWN,
]);

const commandErrorOf = (error: unknown): CommandError | undefined =>
  error instanceof Error && isCommandError(error) ? error : undefined;

const isPortError = (error: unknown): boolean =>
  error instanceof WrongExpectedRevisionError ||
  error instanceof StreamDeletedError ||
  error instanceof EventStoreUnavailableError ||
  error instanceof InvalidEventError;

/**
 * Every error of the client becomes one of the port's, so nothing above the adapter knows EventStoreDB.
 * Anything unrecognised is reported as "unavailable": the caller cannot tell whether it was applied.
 */
export const toPortError = (error: unknown, context: ErrorContext = {}): Error => {
  if (isPortError(error)) return error as Error;
  const commandError = commandErrorOf(error);
  if (!commandError) return new EventStoreUnavailableError(`EventStoreDB failed: ${describe(error)}`, error);
  switch (commandError.type) {
    case ErrorType.WRONG_EXPECTED_VERSION: {
      const actual = fromClientCurrentRevision(commandError.actualVersion as CurrentRevision | undefined);
      return new WrongExpectedRevisionError(commandError.streamName || (context.streamId ?? ''), context.expected ?? 'any', actual);
    }
    case ErrorType.STREAM_DELETED:
      return new StreamDeletedError(commandError.streamName || (context.streamId ?? ''));
    default:
      return new EventStoreUnavailableError(`EventStoreDB ${commandError.type}: ${commandError.message}`, error);
  }
};

/** Whether a subscription should be re-established after this error rather than given up. */
export const isTransient = (error: unknown): boolean => {
  const commandError = commandErrorOf(error);
  return !commandError || TRANSIENT.has(commandError.type);
};

export const isStreamNotFound = (error: unknown): boolean => commandErrorOf(error)?.type === ErrorType.STREAM_NOT_FOUND;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
