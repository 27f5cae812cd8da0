/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * Streams.Delete (soft: the stream reads as missing until written again) and Streams.Tombstone (hard:
 * every later append or read of the stream fails with StreamDeleted).
 */
import type * as grpc from '@grpc/grpc-js';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { HarnessState } from './harness-state';
import type { WriteOutcome } from './in-memory-log';
import { expectedOf, invalidArgument, streamDeletedError, streamNameOf, wrongExpectedVersionError, type GrpcError } from './grpc-messages';

type DeleteOptions = streams.DeleteReq.Options | streams.TombstoneReq.Options;

/** Either the deleted stream's position or the error trailer the client maps. */
const settle = (streamName: string, options: DeleteOptions, outcome: WriteOutcome): bigint | GrpcError => {
  switch (outcome.kind) {
    case 'stream_deleted':
      return streamDeletedError(streamName);
    case 'wrong_expected_version':
      return wrongExpectedVersionError(streamName, expectedOf(options), outcome.current);
    case 'success':
      return outcome.position ?? 0n;
  }
};

export const deleteHandler =
  (state: HarnessState): grpc.handleUnaryCall<streams.DeleteReq, streams.DeleteResp> =>
  (call, callback) => {
    state.calls.delete += 1;
    const options = call.request.getOptions();
    if (!options) return callback(invalidArgument('DeleteReq needs options'));
    const streamName = streamNameOf(options.getStreamIdentifier());
    const result = settle(streamName, options, state.log.softDelete(streamName, expectedOf(options)));
    if (typeof result !== 'bigint') return callback(result);
    const position = new streams.DeleteResp.Position().setCommitPosition(result.toString()).setPreparePosition(result.toString());
    callback(null, new streams.DeleteResp().setPosition(position));
  };

export const tombstoneHandler =
  (state: HarnessState): grpc.handleUnaryCall<streams.TombstoneReq, streams.TombstoneResp> =>
  (call, callback) => {
    state.calls.tombstone += 1;
    const options = call.request.getOptions();
    if (!options) return callback(invalidArgument('TombstoneReq needs options'));
    const streamName = streamNameOf(options.getStreamIdentifier());
    const result = settle(streamName, options, state.log.tombstone(streamName, expectedOf(options)));
    if (typeof result !== 'bigint') return callback(result);
    const position = new streams.TombstoneResp.Position().setCommitPosition(result.toString()).setPreparePosition(result.toString());
    callback(null, new streams.TombstoneResp().setPosition(position));
  };

