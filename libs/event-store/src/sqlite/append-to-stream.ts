import type { NewEvent } from '@practice/events';
import {
  type AppendResult,
  type ExpectedRevision,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { type EventStatements, type StoredEventRef, insertParams } from './event-rows';

/** One caller's append, as it waits in the group-commit queue. */
export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

const NO_STREAM = -1;

const matchesExpected = (expected: ExpectedRevision, actual: number): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === NO_STREAM;
    case 'stream_exists':
      return actual !== NO_STREAM;
    default:
      return actual === expected;
  }
};

/** Where a retried append's first event must sit for the retry to count as the same append. */
const firstRevisionFits = (expected: ExpectedRevision, firstRevision: number): boolean => {
  switch (expected) {
    case 'no_stream':
      return firstRevision === 0;
    case 'any':
    case 'stream_exists':
      return true;
    default:
      return firstRevision === expected + 1;
  }
};

const isSameAppend = (request: AppendRequest, stored: readonly (StoredEventRef | undefined)[]): boolean => {
  const first = stored[0];
  if (!first || !firstRevisionFits(request.expectedRevision, first.revision)) return false;
  return stored.every(
    (ref, index) => ref !== undefined && ref.stream_id === request.streamId && ref.revision === first.revision + index,
  );
};

/**
 * Some event ids are already stored. Event ids are deterministic for a retried command, so when they
 * are exactly this stream's events where the expected revision put them, this is a retry of an append
 * that succeeded: answer as it did and append nothing. Anything else (ids partly present, elsewhere,
 * or out of order) is a conflict, never a silent partial append.
 */
const answerRetry = (
  request: AppendRequest,
  stored: readonly (StoredEventRef | undefined)[],
  actual: number,
): AppendResult => {
  const last = stored[stored.length - 1];
  if (!last || !isSameAppend(request, stored)) {
    throw new WrongExpectedRevisionError(request.streamId, request.expectedRevision, actual);
  }
  return { nextExpectedRevision: last.revision, position: last.position };
};

const insertAll = (statements: EventStatements, request: AppendRequest, actual: number): number => {
  let position = -1;
  request.events.forEach((event, index) => {
    const { lastInsertRowid } = statements.insert.run(...insertParams(request.streamId, actual + 1 + index, event));
    position = Number(lastInsertRowid);
  });
  return position;
};

/**
 * Runs inside the group's transaction (in its own savepoint), so it sees the requests grouped before
 * it exactly as if they had committed: two appends to one stream in one group behave sequentially.
 */
export const appendInTransaction = (statements: EventStatements, request: AppendRequest): AppendResult => {
  const last = statements.lastOfStream.get(request.streamId);
  const actual = last?.revision ?? NO_STREAM;
  const stored = request.events.map((event) => statements.findByEventId.get(event.metadata.eventId));
  if (stored.some((ref) => ref !== undefined)) return answerRetry(request, stored, actual);
  if (!matchesExpected(request.expectedRevision, actual)) {
    throw new WrongExpectedRevisionError(request.streamId, request.expectedRevision, actual);
  }
  if (request.events.length === 0) {
    // Nothing appended: answer with where the stream stands (-1 position for a missing stream).
    return { nextExpectedRevision: actual, position: last?.position ?? -1 };
  }
  const position = insertAll(statements, request, actual);
  return { nextExpectedRevision: actual + request.events.length, position };
};
