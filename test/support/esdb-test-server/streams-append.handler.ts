/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * Streams.Append (client streaming: options, then one message per event) and Streams.BatchAppend (a
 * long-lived duplex call on which the client multiplexes appends by correlation id).
 */
import type * as grpc from '@grpc/grpc-js';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { HarnessState } from './harness-state';
import type { ExpectedState, ProposedEvent, WriteOutcome } from './in-memory-log';
import {
  appendWrongExpectedVersion,
  batchExpectedOf,
  batchStreamDeleted,
  batchWrongExpectedVersion,
  expectedOf,
  invalidArgument,
  proposedEventOf,
  streamDeletedError,
  streamIdentifier,
  streamNameOf,
  toGrpcError,
  unavailableError,
  uuidMessage,
  uuidOf,
  type GrpcError,
} from './grpc-messages';

const REFUSED = 'append refused by the test server (fault injection)';

// -------------------------------------------------------------------------------------------------
// Append
// -------------------------------------------------------------------------------------------------

export const appendHandler =
  (state: HarnessState): grpc.handleClientStreamingCall<streams.AppendReq, streams.AppendResp> =>
  (call, callback) => {
    state.calls.append += 1;
    let options: streams.AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    let failed = false;
    call.on('data', (request: streams.AppendReq) => {
      if (failed) return;
      try {
        if (request.hasOptions()) options = request.getOptions();
        else if (request.hasProposedMessage()) events.push(proposedEventOf(request.getProposedMessage()!));
      } catch (error) {
        failed = true;
        callback(toGrpcError(error));
      }
    });
    call.on('end', () => {
      if (failed) return;
      if (!options) return callback(invalidArgument('the first AppendReq must carry the options'));
      if (state.faults.takeRefusal()) return callback(unavailableError(REFUSED));
      const streamName = streamNameOf(options.getStreamIdentifier());
      const expected = expectedOf(options);
      const outcome = state.log.append(streamName, expected, events);
      if (outcome.kind === 'stream_deleted') return callback(streamDeletedError(streamName));
      callback(null, appendResponse(outcome, expected));
    });
  };

const appendResponse = (outcome: Exclude<WriteOutcome, { kind: 'stream_deleted' }>, expected: ExpectedState): streams.AppendResp => {
  if (outcome.kind === 'wrong_expected_version') return appendWrongExpectedVersion(expected, outcome.current);
  const success = new streams.AppendResp.Success();
  if (outcome.revision < 0n) success.setNoStream(new shared.Empty());
  else success.setCurrentRevision(outcome.revision.toString());
  if (outcome.position === undefined) success.setNoPosition(new shared.Empty());
  else {
    const position = outcome.position.toString();
    success.setPosition(new streams.AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
  }
  return new streams.AppendResp().setSuccess(success);
};

// -------------------------------------------------------------------------------------------------
// BatchAppend
// -------------------------------------------------------------------------------------------------

interface PendingBatch {
  readonly options: streams.BatchAppendReq.Options;
  readonly events: ProposedEvent[];
}

export const batchAppendHandler =
  (state: HarnessState): grpc.handleBidiStreamingCall<streams.BatchAppendReq, streams.BatchAppendResp> =>
  (call) => {
    state.calls.batchAppendCalls += 1;
    const pending = new Map<string, PendingBatch>();
    let closed = false;
    const fail = (error: GrpcError): void => {
      closed = true;
      call.emit('error', error);
    };
    call.on('data', (request: streams.BatchAppendReq) => {
      if (closed) return;
      try {
        const correlationId = uuidOf(request.getCorrelationId());
        const batch = pending.get(correlationId) ?? startBatch(pending, correlationId, request);
        batch.events.push(...request.getProposedMessagesList().map(proposedEventOf));
        if (!request.getIsFinal()) return;
        pending.delete(correlationId);
        state.calls.batchAppends += 1;
        // A refused append takes the whole call down, as a node going away would: every append in
        // flight on it fails with UNAVAILABLE and the client reconnects.
        if (state.faults.takeRefusal()) return fail(unavailableError(REFUSED));
        call.write(appendBatch(state, correlationId, batch));
      } catch (error) {
        fail(toGrpcError(error));
      }
    });
    call.on('end', () => {
      if (!closed) call.end();
    });
  };

const startBatch = (pending: Map<string, PendingBatch>, correlationId: string, request: streams.BatchAppendReq): PendingBatch => {
  const options = request.getOptions();
  if (!options) throw invalidArgument('the first BatchAppendReq of an append must carry the options');
  const batch = { options, events: [] };
  pending.set(correlationId, batch);
  return batch;
};

const appendBatch = (state: HarnessState, correlationId: string, batch: PendingBatch): streams.BatchAppendResp => {
  const streamName = streamNameOf(batch.options.getStreamIdentifier());
  const expected = batchExpectedOf(batch.options);
  const outcome = state.log.append(streamName, expected, batch.events);
  const response = new streams.BatchAppendResp()
    .setCorrelationId(uuidMessage(correlationId, false))
    .setStreamIdentifier(streamIdentifier(streamName));
  return withOutcome(echoExpectation(response, expected), outcome, expected, streamName);
};

const echoExpectation = (response: streams.BatchAppendResp, expected: ExpectedState): streams.BatchAppendResp => {
  switch (expected.kind) {
    case 'any':
      return response.setAny(new GoogleEmpty());
    case 'no_stream':
      return response.setNoStream(new GoogleEmpty());
    case 'stream_exists':
      return response.setStreamExists(new GoogleEmpty());
    case 'revision':
      return response.setStreamPosition(expected.revision.toString());
  }
};

const withOutcome = (response: streams.BatchAppendResp, outcome: WriteOutcome, expected: ExpectedState, streamName: string): streams.BatchAppendResp => {
  switch (outcome.kind) {
    case 'stream_deleted':
      return response.setError(batchStreamDeleted(streamName));
    case 'wrong_expected_version':
      return response.setError(batchWrongExpectedVersion(expected, outcome.current));
    case 'success': {
      const success = new streams.BatchAppendResp.Success();
      if (outcome.revision < 0n) success.setNoStream(new GoogleEmpty());
      else success.setCurrentRevision(outcome.revision.toString());
      if (outcome.position === undefined) success.setNoPosition(new GoogleEmpty());
      else {
        const position = outcome.position.toString();
        success.setPosition(new shared.AllStreamPosition().setCommitPosition(position).setPreparePosition(position));
      }
      return response.setSuccess(success);
    }
  }
};
