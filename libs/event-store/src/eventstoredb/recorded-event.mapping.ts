import { jsonEvent, START, type EventData, type JSONType, type Position, type ReadPosition, type RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '@practice/events';
import { InvalidEventError, type EventCodec, type SubscribedEvent } from '../event-store.port';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Positions at or above 2^63 are EventStoreDB's "no position" (stream reads before 22.6). */
const NO_POSITION = 2n ** 63n;

/**
 * The port's global position is EventStoreDB's commit position as a number. Commit positions are byte
 * offsets in the transaction log, exact as numbers below 2^53 (8 PiB of log). Outside explicit
 * transactions, which this adapter never uses, each event has its own commit position (= prepare).
 */
export const toPortPosition = (position: Position | undefined): number =>
  position === undefined || position.commit >= NO_POSITION ? -1 : Number(position.commit);

/**
 * Where to read or subscribe from for "strictly after `after`": a port position back as an EventStoreDB
 * position (commit = prepare, as for every event written here); nothing or a negative one is the start.
 */
export const readPositionAfter = (after: number | undefined): ReadPosition =>
  after === undefined || after < 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };

/** The event as the client sends it: the command's event id is the EventStoreDB id, the envelope metadata as JSON. */
export const toEventData = (event: NewEvent): EventData => {
  const id = event.metadata.eventId;
  if (!UUID_PATTERN.test(id)) throw new InvalidEventError(event.type, `eventId '${id}' is not a UUID (EventStoreDB requires one)`);
  return jsonEvent({ id, type: event.type, data: event.data as JSONType, metadata: event.metadata });
};

/** Events of `$` streams or with `$` types are EventStoreDB's own (settings, users, tombstones, links). */
export const isSystemEvent = (event: { readonly streamId: string; readonly type: string }): boolean =>
  event.streamId.startsWith('$') || event.type.startsWith('$');

type Converted = { readonly event: RecordedEvent; readonly problem?: string };

/** The envelope of a stored event; `problem` says why it cannot be one of ours (written by another tool). */
const fromClientEvent = (stored: ClientRecordedEvent): Converted => {
  const metadata = stored.metadata;
  const metadataIsObject = typeof metadata === 'object' && metadata !== null && !(metadata instanceof Uint8Array) && !Array.isArray(metadata);
  const event: RecordedEvent = {
    type: stored.type,
    data: stored.data,
    // The id is needed even for a malformed event: it is how the projector parks it.
    metadata: { ...(metadataIsObject ? (metadata as object) : {}), eventId: (metadataIsObject && (metadata as Partial<EventMetadata>).eventId) || stored.id } as EventMetadata,
    streamId: stored.streamId,
    revision: Number(stored.revision),
    position: toPortPosition(stored.position),
  };
  if (!stored.isJson) return { event, problem: 'data is not JSON' };
  if (!metadataIsObject) return { event, problem: 'metadata is not a JSON object' };
  return { event };
};

/** For reads: a malformed event is an error the caller must see. */
export const decodeForRead = (stored: ClientRecordedEvent, codec: EventCodec): RecordedEvent => {
  const { event, problem } = fromClientEvent(stored);
  if (problem) throw new InvalidEventError(event.type, problem);
  return codec.decodeOnRead(event);
};

/** For subscriptions: a malformed event is delivered with the reason, never thrown (see SubscribedEvent). */
export const decodeForSubscription = (stored: ClientRecordedEvent, codec: EventCodec): SubscribedEvent => {
  const { event, problem } = fromClientEvent(stored);
  if (problem) return { ...event, invalidReason: problem };
  try {
    return codec.decodeOnRead(event);
  } catch (error) {
    return { ...event, invalidReason: reasonOf(error) };
  }
};

const reasonOf = (error: unknown): string => {
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (typeof reason === 'string') return reason;
  return error instanceof Error ? error.message : String(error);
};
