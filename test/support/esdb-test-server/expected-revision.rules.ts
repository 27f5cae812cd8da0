/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * EventStoreDB's rules for expected revisions and idempotent appends, as pure functions of a stream.
 */
import type { ExpectedState, LoggedEvent, ProposedEvent, StreamState } from './log.types';

export type Decision =
  | { readonly kind: 'write' }
  | { readonly kind: 'idempotent'; readonly last: LoggedEvent }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint | undefined };

export const decideAppend = (stream: StreamState | undefined, expected: ExpectedState, events: readonly ProposedEvent[]): Decision => {
  const current = stream ? lastRevision(stream) : -1n;
  const existing = current >= 0n && !stream?.softDeleted;
  switch (expected.kind) {
    case 'any':
      return decideByFirstId(stream, events);
    case 'stream_exists':
      return existing ? decideByFirstId(stream, events) : wrongVersion(stream);
    case 'no_stream':
      // A soft-deleted stream may be recreated; its revisions carry on from where they were.
      return stream?.softDeleted ? { kind: 'write' } : decideAtRevision(stream, -1n, events);
    case 'revision':
      return decideAtRevision(stream, expected.revision, events);
  }
};

/** Appends of no events, deletes and tombstones check the expectation and nothing else. */
export const decideExpectation = (stream: StreamState | undefined, expected: ExpectedState): Decision => {
  const current = stream ? lastRevision(stream) : -1n;
  const existing = current >= 0n && !stream?.softDeleted;
  const ok =
    expected.kind === 'any' ||
    (expected.kind === 'no_stream' && !existing) ||
    (expected.kind === 'stream_exists' && existing) ||
    (expected.kind === 'revision' && expected.revision === current);
  return ok ? { kind: 'write' } : wrongVersion(stream);
};

export const lastRevision = (stream: StreamState): bigint => BigInt(stream.events.length) - 1n;

const wrongVersion = (stream: StreamState | undefined): Decision => {
  const current = stream ? lastRevision(stream) : -1n;
  return { kind: 'wrong_expected_version', current: current < 0n ? undefined : current };
};

/**
 * `any` / `stream_exists`: EventStoreDB looks the first event id up; if it is there and the rest follow
 * it, the append already happened. A partial match is "corrupted idempotency", reported as a conflict.
 */
const decideByFirstId = (stream: StreamState | undefined, events: readonly ProposedEvent[]): Decision => {
  const first = stream?.events.findIndex((event) => event.id === events[0].id) ?? -1;
  if (!stream || first < 0) return { kind: 'write' };
  return matchFrom(stream, first, events) ?? wrongVersion(stream);
};

/** An exact expectation behind the head is an idempotent retry only if the ids there are the same. */
const decideAtRevision = (stream: StreamState | undefined, expected: bigint, events: readonly ProposedEvent[]): Decision => {
  const current = stream ? lastRevision(stream) : -1n;
  if (expected === current) return { kind: 'write' };
  if (!stream || expected > current) return wrongVersion(stream);
  return matchFrom(stream, Number(expected + 1n), events) ?? wrongVersion(stream);
};

const matchFrom = (stream: StreamState, start: number, events: readonly ProposedEvent[]): Decision | undefined => {
  const matches = events.every((event, offset) => stream.events[start + offset]?.id === event.id);
  return matches ? { kind: 'idempotent', last: stream.events[start + events.length - 1] } : undefined;
};
