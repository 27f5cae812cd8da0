import type { DomainEvent, NewEvent, RecordedEvent, EventCodec } from '@practice/events';
import { fold, type Decider, DomainError } from '@practice/domain';
import {
  InvalidEventError,
  WrongExpectedRevisionError,
  type EventStore,
} from '@practice/event-store';
import type { CommandEnvelope } from './command-envelope';
import { deterministicUuid } from './deterministic-id';
import { afterLostRace, MAX_ATTEMPTS, streamQueueOf } from './lost-race';

/** The stream changed since the revision the caller said it saw (If-Match). */
export class RevisionMismatchError extends Error {
  readonly code = 'RevisionMismatch';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at revision ${actual}, not ${expected}`);
    this.name = 'RevisionMismatchError';
  }
}

/**
 * The event store refused an event's data at append: a value of the request that the request check let
 * through but the event cannot hold. It is the client's value, so a 422 naming the fields, never a 500;
 * the filter also logs it (type and field names only), since the request check should have caught it.
 */
export class EventDataRefusedError extends DomainError {
  constructor(readonly eventType: string, fields: readonly { field: string; message: string }[]) {
    super('InvalidValue', 'invalid', 'A value of the request cannot be recorded', fields);
  }
}

const refusedData = (error: unknown): EventDataRefusedError | undefined =>
  error instanceof InvalidEventError && error.dataIssues.length > 0
    ? new EventDataRefusedError(
        error.eventType,
        error.dataIssues.map((issue) => ({ field: issue.path, message: 'is not a value this field can hold' })),
      )
    : undefined;

export interface CommandResult<TState, TEvent> {
  readonly state: TState;
  readonly events: readonly TEvent[];
  /** The stream's revision after the command (-1: the stream does not exist). */
  readonly revision: number;
  /** The log position of the command's last event, or of the stream's last event if it appended none. */
  readonly position: number;
}

export interface RunOptions {
  /** If-Match: the revision the caller last saw; any other revision is a RevisionMismatchError. */
  readonly expectedRevision?: number;
  /**
   * The stream is new as far as the caller knows: it is named by an id of this command
   * (`envelope.newId`), or the caller has just read it empty. With a fresh command id (no
   * Idempotency-Key: nothing of this command can be in the log) it is not read: the command is decided
   * on the empty stream and appended with `no_stream`. Should the stream exist after all, the append is
   * refused and the next attempt reads it as usual (with `expectedRevision`: a RevisionMismatchError,
   * as the read would have said). With an Idempotency-Key the stream is read (a retry resumes).
   */
  readonly newStream?: boolean;
}

const notRead = <S>(decider: { initialState(): S }): LoadedStream<S> => ({ state: decider.initialState(), revision: -1, events: [] });

/** A retry must be the same request: the same Idempotency-Key with another body is a client's mistake. */
const assertSameRequest = (first: RecordedEvent, envelope: CommandEnvelope): void => {
  const recorded = first.metadata.requestFingerprint;
  if (recorded !== undefined && envelope.requestFingerprint !== undefined && recorded !== envelope.requestFingerprint) {
    throw new DomainError('IdempotencyKeyReused', 'invalid', 'This Idempotency-Key was already used for a different request', [
      { field: 'Idempotency-Key', message: 'was already used for a different request' },
    ]);
  }
};

const lastOf = (events: readonly RecordedEvent[]): RecordedEvent | undefined => events[events.length - 1];

type Folding<S, E extends DomainEvent> = Pick<Decider<unknown, S, E>, 'evolve' | 'initialState'>;

/** The one fold of a recorded stream: the domain's `fold`, over events as the store gives them back. */
export const foldRecorded = <S, E extends DomainEvent>(decider: Folding<S, E>, events: readonly RecordedEvent[], from?: S): S =>
  fold(decider, events as unknown as readonly E[], from);

/** A stream as a command finds it. */
export interface LoadedStream<S> {
  readonly state: S;
  /** The stream's revision (-1: the stream does not exist). */
  readonly revision: number;
  readonly events: RecordedEvent[];
}

/** A stream as a command about to change it finds it: also what this very command wrote before, if it is a retry. */
export interface PreparedStream<S> extends LoadedStream<S> {
  /** The state before this command: the same on a retry that resumes a command which already landed. */
  readonly before: S;
  /** The events this command (same command id: same Idempotency-Key) already appended to the stream. */
  readonly earlier: readonly RecordedEvent[];
}

/**
 * The one way a command changes a stream: read -> fold -> decide -> append at the revision it read.
 * A concurrent writer makes the append fail; the command is then decided again on the new state.
 * Before deciding, the runner resumes a retried command (same Idempotency-Key: an answer as the first
 * time, nothing appended) and checks If-Match; a multi-stream command does the same through `prepare`
 * before its first write.
 */
export class CommandRunner {
  constructor(
    private readonly store: EventStore,
    private readonly codec: EventCodec,
  ) {}

  async load<S, E extends DomainEvent>(decider: Folding<S, E>, streamId: string): Promise<LoadedStream<S>> {
    const events = await this.store.readStream(streamId);
    return { state: foldRecorded(decider, events), revision: lastOf(events)?.revision ?? -1, events };
  }

  /**
   * The stream, or without a read the empty stream when it is new as far as the caller knows
   * (`newStream`) and the command id is fresh: nothing of this command can be in the log yet.
   */
  async loadUnlessNew<S, E extends DomainEvent>(decider: Folding<S, E>, streamId: string, envelope: CommandEnvelope, options: RunOptions): Promise<LoadedStream<S>> {
    return options.newStream === true && envelope.freshCommandId === true ? notRead(decider) : this.load(decider, streamId);
  }

  /**
   * Everything a command checks before it writes anything, in one place: a retry is recognised (and
   * must be the same request), otherwise the command is decided on the current state (a refusal
   * throws here, before any write) and the revision compared with If-Match. Nothing is appended.
   */
  async prepare<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    envelope: CommandEnvelope,
    options: RunOptions = {},
  ): Promise<PreparedStream<S> & { readonly decided: readonly E[] }> {
    const loaded = await this.loadUnlessNew(decider, streamId, envelope, options);
    const earlier = loaded.events.filter((event) => event.metadata.causationId === envelope.commandId);
    const before = earlier.length === 0 ? loaded.state : foldRecorded(decider, loaded.events.filter((event) => !earlier.includes(event)));
    if (earlier.length > 0) {
      assertSameRequest(earlier[0], envelope);
      return { ...loaded, before, earlier, decided: earlier as unknown as E[] };
    }
    // Decide before comparing revisions: a record the caller may not see is "not found", never "changed".
    const decided = decider.decide(command, loaded.state);
    if (options.expectedRevision !== undefined && options.expectedRevision !== loaded.revision) {
      throw new RevisionMismatchError(streamId, options.expectedRevision, loaded.revision);
    }
    return { ...loaded, before, earlier, decided };
  }

  async run<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    envelope: CommandEnvelope,
    options: RunOptions = {},
  ): Promise<CommandResult<S, E>> {
    return streamQueueOf(this.store).run(streamId, () => this.runQueued(decider, streamId, command, envelope, options));
  }

  private async runQueued<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    envelope: CommandEnvelope,
    options: RunOptions,
  ): Promise<CommandResult<S, E>> {
    for (let attempt = 1; ; attempt += 1) {
      // Only the first attempt may trust that a new stream is empty: a refused append means it is not.
      const attemptOptions = attempt === 1 ? options : { ...options, newStream: false };
      const { state, revision, events: history, earlier, decided } = await this.prepare(decider, streamId, command, envelope, attemptOptions);
      // A retry of a command that already landed answers as the first time and appends nothing.
      if (earlier.length > 0) {
        const last = lastOf(earlier)!;
        return { state, events: decided, revision: last.revision, position: last.position };
      }
      if (decided.length === 0) {
        return { state, events: [], revision, position: lastOf(history)?.position ?? -1 };
      }
      try {
        const appended = await this.store.appendToStream(streamId, this.toNewEvents(streamId, decided, envelope), {
          expectedRevision: revision < 0 ? 'no_stream' : revision,
        });
        const newState = fold(decider, decided, state);
        return { state: newState, events: decided, revision: appended.nextExpectedRevision, position: appended.position };
      } catch (error) {
        const retry = error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS;
        if (!retry) throw refusedData(error) ?? error;
        if (options.expectedRevision !== undefined) {
          throw new RevisionMismatchError(streamId, options.expectedRevision, error.actual ?? -1);
        }
        await afterLostRace(attempt);
      }
    }
  }

  private toNewEvents(streamId: string, events: readonly DomainEvent[], envelope: CommandEnvelope): NewEvent[] {
    return events.map((event, index) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: deterministicUuid(`${envelope.commandId}|${streamId}|${index}`),
        schemaVersion: this.codec.currentVersion(event.type),
        occurredAt: envelope.now,
        actorUserId: envelope.actorUserId,
        practiceId: envelope.practiceId,
        correlationId: envelope.correlationId,
        causationId: envelope.commandId,
        commandType: envelope.commandType,
        ...(envelope.requestFingerprint === undefined ? {} : { requestFingerprint: envelope.requestFingerprint }),
        ...(envelope.requestId === undefined ? {} : { requestId: envelope.requestId }),
      },
    }));
  }
}
