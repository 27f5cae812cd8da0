/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed. Memory only, no security.
 *
 * The log: streams, `$all`, positions, soft deletes and tombstones (the expected-revision rules are in
 * expected-revision.rules.ts). No gRPC here, so what the server stores can be read on its own.
 */
import { randomUUID } from 'node:crypto';
import { decideAppend, decideExpectation, lastRevision } from './expected-revision.rules';
import type {
  Direction,
  ExpectedState,
  LoggedEvent,
  ProposedEvent,
  ReadFrom,
  StreamReadOutcome,
  StreamState,
  WriteOutcome,
} from './log.types';

export type { Direction, ExpectedState, LoggedEvent, ProposedEvent, ReadFrom, StreamReadOutcome, WriteOutcome } from './log.types';

/** EventStoreDB writes the tombstone at revision long.MaxValue. */
export const TOMBSTONE_REVISION = 2n ** 63n - 1n;

const encoder = new TextEncoder();

export class InMemoryLog {
  private readonly streams = new Map<string, StreamState>();
  private readonly all: LoggedEvent[] = [];
  private readonly listeners = new Set<() => void>();
  // Real logs never start at 0 either; a non-zero start catches adapters that confuse "0" with "none".
  private nextPosition = 128n;

  /** Everything in `$all`, system events included, in log order. */
  get entries(): readonly LoggedEvent[] {
    return this.all;
  }

  /** Called after every write, so live subscriptions can push what is new. */
  onWritten(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(streamId: string, expected: ExpectedState, events: readonly ProposedEvent[]): WriteOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstone) return { kind: 'stream_deleted' };
    const decision = events.length === 0 ? decideExpectation(stream, expected) : decideAppend(stream, expected, events);
    switch (decision.kind) {
      case 'wrong_expected_version':
        return { kind: 'wrong_expected_version', current: decision.current, expected };
      case 'idempotent':
        return { kind: 'success', revision: decision.last.revision, position: decision.last.position };
      case 'write':
        return this.write(streamId, events);
    }
  }

  /** Hard delete: the stream can never be written or read again. */
  tombstone(streamId: string, expected: ExpectedState): WriteOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstone) return { kind: 'stream_deleted' };
    const decision = decideExpectation(stream, expected);
    if (decision.kind === 'wrong_expected_version') {
      return { kind: 'wrong_expected_version', current: decision.current, expected };
    }
    const state = stream ?? this.createStream(streamId);
    const proposed = systemEvent('$streamDeleted', new Uint8Array());
    const event = this.record(streamId, TOMBSTONE_REVISION, proposed);
    state.tombstone = event;
    this.notify();
    return { kind: 'success', revision: TOMBSTONE_REVISION, position: event.position };
  }

  /** Soft delete: the stream reads as missing until it is written again, revisions carrying on. */
  softDelete(streamId: string, expected: ExpectedState): WriteOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstone) return { kind: 'stream_deleted' };
    const decision = decideExpectation(stream, expected);
    if (decision.kind === 'wrong_expected_version') {
      return { kind: 'wrong_expected_version', current: decision.current, expected };
    }
    const state = stream ?? this.createStream(streamId);
    state.truncateBefore = lastRevision(state) + 1n;
    state.softDeleted = true;
    const metadata = encoder.encode(JSON.stringify({ $tb: Number(state.truncateBefore) }));
    return this.write(`$$${streamId}`, [systemEvent('$metadata', metadata, 'application/json')]);
  }

  readStream(streamId: string, from: ReadFrom, direction: Direction, count: bigint): StreamReadOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstone) return { kind: 'stream_deleted' };
    const visible = stream ? stream.events.filter((event) => event.revision >= stream.truncateBefore) : [];
    if (visible.length === 0) return { kind: 'not_found' };
    return { kind: 'events', events: take(sliceStream(visible, from, direction), count) };
  }

  readAll(from: ReadFrom, direction: Direction, count: bigint, accept: (event: LoggedEvent) => boolean): LoggedEvent[] {
    return take(sliceAll(this.all, from, direction).filter(accept), count);
  }

  /** Index in `entries` of the first event strictly after `position` (subscriptions are exclusive). */
  indexAfterPosition(position: bigint): number {
    const index = this.all.findIndex((event) => event.position > position);
    return index < 0 ? this.all.length : index;
  }

  /** The events of a stream a subscription may see, and whether a tombstone ends it. */
  streamView(streamId: string): { readonly events: readonly LoggedEvent[]; readonly tombstoned: boolean; readonly truncateBefore: bigint } {
    const stream = this.streams.get(streamId);
    return {
      events: stream?.events ?? [],
      tombstoned: stream?.tombstone !== undefined,
      truncateBefore: stream?.truncateBefore ?? 0n,
    };
  }

  /** Writes events to system streams, as a fresh EventStoreDB node does at start-up. */
  seedSystemEvents(): void {
    const json = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value));
    this.write('$settings', [systemEvent('$settings', json({ $userStreamAcl: {}, $systemStreamAcl: {} }), 'application/json')]);
    this.write('$users', [systemEvent('$User', json({ loginName: 'admin' }), 'application/json')]);
    this.write('$user-admin', [systemEvent('$user', json({ loginName: 'admin', fullName: 'Event Store Administrator' }), 'application/json')]);
  }

  private write(streamId: string, events: readonly ProposedEvent[]): WriteOutcome {
    const stream = this.streams.get(streamId) ?? this.createStream(streamId);
    if (events.length === 0) {
      const last = stream.events[stream.events.length - 1];
      return { kind: 'success', revision: lastRevision(stream), position: last?.position };
    }
    let last: LoggedEvent | undefined;
    for (const proposed of events) {
      last = this.record(streamId, lastRevision(stream) + 1n, proposed);
      stream.events.push(last);
    }
    stream.softDeleted = false;
    this.notify();
    return { kind: 'success', revision: last!.revision, position: last!.position };
  }

  private record(streamId: string, revision: bigint, proposed: ProposedEvent): LoggedEvent {
    const event: LoggedEvent = {
      ...proposed,
      streamId,
      revision,
      created: BigInt(Date.now()) * 10_000n,
      position: this.nextPosition,
    };
    // Positions are byte offsets in a real log: growing by the record's size, never by one.
    this.nextPosition += BigInt(recordSize(event));
    this.all.push(event);
    return event;
  }

  private createStream(streamId: string): StreamState {
    const state: StreamState = { events: [], truncateBefore: 0n, softDeleted: false, tombstone: undefined };
    this.streams.set(streamId, state);
    return state;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

// -------------------------------------------------------------------------------------------------
// Helpers
// -------------------------------------------------------------------------------------------------

const systemEvent = (type: string, data: Uint8Array, contentType = 'application/octet-stream'): ProposedEvent => ({
  id: randomUUID(),
  type,
  contentType,
  data,
  metadata: new Uint8Array(),
});

const recordSize = (event: LoggedEvent): number =>
  80 + encoder.encode(event.streamId).length + encoder.encode(event.type).length + event.data.length + event.metadata.length;

const take = <T>(items: readonly T[], count: bigint): T[] =>
  count >= BigInt(items.length) ? [...items] : items.slice(0, Number(count));

const sliceStream = (events: readonly LoggedEvent[], from: ReadFrom, direction: Direction): LoggedEvent[] => {
  if (direction === 'forwards') {
    if (from === 'end') return [];
    return from === 'start' ? [...events] : events.filter((event) => event.revision >= from);
  }
  const reversed = [...events].reverse();
  if (from === 'end') return reversed;
  const upTo = from === 'start' ? 0n : from;
  return reversed.filter((event) => event.revision <= upTo);
};

/** Forwards positions are inclusive; backwards positions are exclusive (they point past a record). */
const sliceAll = (events: readonly LoggedEvent[], from: ReadFrom, direction: Direction): LoggedEvent[] => {
  if (direction === 'forwards') {
    if (from === 'end') return [];
    return from === 'start' ? [...events] : events.filter((event) => event.position >= from);
  }
  if (from === 'start') return [];
  const reversed = [...events].reverse();
  return from === 'end' ? reversed : reversed.filter((event) => event.position < from);
};
