/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * Translation between the client's own generated protobuf messages and the in-memory log. Using the
 * client's generated classes (not a hand-written .proto) keeps the wire format exactly the client's.
 */
import * as grpc from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import * as status from '@eventstore/db-client/generated/status_pb';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedState, LoggedEvent, ProposedEvent } from './in-memory-log';

// -------------------------------------------------------------------------------------------------
// Identifiers
// -------------------------------------------------------------------------------------------------

export const streamNameOf = (identifier: shared.StreamIdentifier | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

export const streamIdentifier = (name: string): shared.StreamIdentifier =>
  new shared.StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** EventStoreDB parses ids as GUIDs and refuses anything else. */
export const uuidOf = (uuid: shared.UUID | undefined): string => {
  if (uuid?.hasStructured()) {
    const structured = uuid.getStructured()!;
    const hex = (bits: string): string => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0');
    const all = hex(structured.getMostSignificantBits()) + hex(structured.getLeastSignificantBits());
    return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20)}`;
  }
  const text = uuid?.getString() ?? '';
  if (!UUID_PATTERN.test(text)) throw invalidArgument(`'${text}' is not a UUID`);
  return text.toLowerCase();
};

export const uuidMessage = (id: string, structured: boolean): shared.UUID => {
  if (!structured) return new shared.UUID().setString(id);
  const hex = id.replace(/-/g, '');
  const signed = (part: string): string => BigInt.asIntN(64, BigInt(`0x${part}`)).toString(10);
  return new shared.UUID().setStructured(
    new shared.UUID.Structured()
      .setMostSignificantBits(signed(hex.slice(0, 16)))
      .setLeastSignificantBits(signed(hex.slice(16))),
  );
};

// -------------------------------------------------------------------------------------------------
// Expected revisions: Append, Delete and Tombstone share one shape; BatchAppend has its own.
// -------------------------------------------------------------------------------------------------

type RevisionOptions = streams.AppendReq.Options | streams.DeleteReq.Options | streams.TombstoneReq.Options;

export const expectedOf = (options: RevisionOptions): ExpectedState => {
  // The three option messages number their oneof cases identically (revision 2 ... stream_exists 5).
  switch (options.getExpectedStreamRevisionCase() as number) {
    case 2:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case 3:
      return { kind: 'no_stream' };
    case 5:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
};

export const batchExpectedOf = (options: streams.BatchAppendReq.Options): ExpectedState => {
  const Case = streams.BatchAppendReq.Options.ExpectedStreamPositionCase;
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
};

/** The numbers EventStoreDB uses for expectations in error metadata: any -2, no stream -1, exists -4. */
export const expectedAsNumber = (expected: ExpectedState): bigint => {
  switch (expected.kind) {
    case 'any':
      return -2n;
    case 'no_stream':
      return -1n;
    case 'stream_exists':
      return -4n;
    case 'revision':
      return expected.revision;
  }
};

// -------------------------------------------------------------------------------------------------
// Events
// -------------------------------------------------------------------------------------------------

type Proposed = streams.AppendReq.ProposedMessage | streams.BatchAppendReq.ProposedMessage;

export const proposedEventOf = (message: Proposed): ProposedEvent => {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  if (!type) throw invalidArgument('an event needs a type');
  return {
    id: uuidOf(message.getId()),
    type,
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
};

/** A read answer for one event; since 22.6 EventStoreDB fills the $all position on stream reads too. */
export const readEventResponse = (event: LoggedEvent, structuredUuid: boolean): streams.ReadResp => {
  const record = new streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(event.id, structuredUuid))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setPreparePosition(event.position.toString())
    .setCommitPosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  record.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.created.toString());
  const readEvent = new streams.ReadResp.ReadEvent().setEvent(record).setCommitPosition(event.position.toString());
  return new streams.ReadResp().setEvent(readEvent);
};

// -------------------------------------------------------------------------------------------------
// Errors, in the shapes the client recognises
// -------------------------------------------------------------------------------------------------

export type GrpcError = Partial<grpc.StatusObject> & { code: grpc.status };

const withMetadata = (code: grpc.status, details: string, entries: Record<string, string>): GrpcError => {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(entries)) metadata.set(key, value);
  return { code, details, metadata };
};

/** The client turns an `exception: stream-deleted` trailer into its StreamDeletedError. */
export const streamDeletedError = (streamName: string): GrpcError =>
  withMetadata(grpc.status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': streamName,
  });

/** Delete and Tombstone report conflicts as trailers; Append and BatchAppend use messages instead. */
export const wrongExpectedVersionError = (streamName: string, expected: ExpectedState, current: bigint | undefined): GrpcError =>
  withMetadata(grpc.status.FAILED_PRECONDITION, 'Wrong expected version.', {
    exception: 'wrong-expected-version',
    'stream-name': streamName,
    'expected-version': expectedAsNumber(expected).toString(),
    ...(current === undefined ? {} : { 'actual-version': current.toString() }),
  });

export const unavailableError = (details: string): GrpcError => ({ code: grpc.status.UNAVAILABLE, details, metadata: new grpc.Metadata() });

export const invalidArgument = (details: string): GrpcError & Error =>
  Object.assign(new Error(details), { code: grpc.status.INVALID_ARGUMENT, details, metadata: new grpc.Metadata() });

const isGrpcError = (error: unknown): error is GrpcError =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number';

/** What a handler sends when something throws: our own status errors as they are, anything else INTERNAL. */
export const toGrpcError = (error: unknown): GrpcError =>
  isGrpcError(error) ? error : { code: grpc.status.INTERNAL, details: String(error), metadata: new grpc.Metadata() };

export const appendWrongExpectedVersion = (expected: ExpectedState, current: bigint | undefined): streams.AppendResp => {
  const wrong = new streams.AppendResp.WrongExpectedVersion();
  if (current === undefined) wrong.setCurrentNoStream(new shared.Empty());
  else wrong.setCurrentRevision(current.toString());
  switch (expected.kind) {
    case 'any':
      wrong.setExpectedAny(new shared.Empty());
      break;
    case 'no_stream':
      wrong.setExpectedNoStream(new shared.Empty());
      break;
    case 'stream_exists':
      wrong.setExpectedStreamExists(new shared.Empty());
      break;
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString());
      break;
  }
  return new streams.AppendResp().setWrongExpectedVersion(wrong);
};

/** BatchAppend packs the failure as a google.rpc.Status whose details are an Any, as the server does. */
export const batchWrongExpectedVersion = (expected: ExpectedState, current: bigint | undefined): status.Status => {
  const details = new shared.WrongExpectedVersion();
  if (current === undefined) details.setCurrentNoStream(new GoogleEmpty());
  else details.setCurrentStreamRevision(current.toString());
  switch (expected.kind) {
    case 'any':
      details.setExpectedAny(new GoogleEmpty());
      break;
    case 'no_stream':
      details.setExpectedNoStream(new GoogleEmpty());
      break;
    case 'stream_exists':
      details.setExpectedStreamExists(new GoogleEmpty());
      break;
    case 'revision':
      details.setExpectedStreamPosition(expected.revision.toString());
      break;
  }
  return packedStatus('Wrong expected version.', details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
};

export const batchStreamDeleted = (streamName: string): status.Status => {
  const details = new shared.StreamDeleted().setStreamIdentifier(streamIdentifier(streamName));
  return packedStatus(`Event stream '${streamName}' is deleted.`, details.serializeBinary(), 'event_store.client.StreamDeleted');
};

const packedStatus = (message: string, bytes: Uint8Array, typeName: string): status.Status => {
  const any = new Any();
  any.pack(bytes, typeName);
  return new status.Status().setCode(Code.FAILED_PRECONDITION).setMessage(message).setDetails(any);
};
