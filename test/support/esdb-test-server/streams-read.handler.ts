/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * Streams.Read: one RPC for reading a stream, reading `$all`, and subscribing to either.
 */
import type * as grpc from '@grpc/grpc-js';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { HarnessState } from './harness-state';
import type { Direction, LoggedEvent, ReadFrom } from './in-memory-log';
import { CatchUpSubscription, type SubscriptionSource } from './catch-up-subscription';
import { invalidArgument, readEventResponse, streamDeletedError, streamIdentifier, streamNameOf, toGrpcError } from './grpc-messages';
import { serverFilterOf } from './server-filter';

type ReadCall = grpc.ServerWritableStream<streams.ReadReq, streams.ReadResp>;
type Options = streams.ReadReq.Options;

const MAX_COUNT = 2n ** 64n - 1n;

export const readHandler =
  (state: HarnessState): grpc.handleServerStreamingCall<streams.ReadReq, streams.ReadResp> =>
  (call) => {
    state.calls.read += 1;
    try {
      const options = call.request.getOptions();
      if (!options) throw invalidArgument('ReadReq needs options');
      if (options.hasSubscription()) {
        state.calls.subscriptions += 1;
        const source = subscriptionSource(options);
        state.subscriptionRequests.push({ to: source.kind, after: source.after });
        new CatchUpSubscription(state, call, source, serverFilterOf(options), structuredUuid(options));
        return;
      }
      void writeThenEnd(call, options.hasAll() ? readAll(state, options) : readStream(state, options));
    } catch (error) {
      call.emit('error', toGrpcError(error));
    }
  };

const readStream = (state: HarnessState, options: Options): streams.ReadResp[] => {
  const streamOptions = options.getStream()!;
  const streamName = streamNameOf(streamOptions.getStreamIdentifier());
  const outcome = state.log.readStream(streamName, streamFrom(streamOptions), directionOf(options), countOf(options));
  switch (outcome.kind) {
    case 'stream_deleted':
      throw streamDeletedError(streamName);
    case 'not_found':
      return [notFound(streamName)];
    case 'events':
      return outcome.events.map((event) => readEventResponse(event, structuredUuid(options)));
  }
};

const readAll = (state: HarnessState, options: Options): streams.ReadResp[] => {
  const filter = serverFilterOf(options);
  const accept = (event: LoggedEvent): boolean => !filter || filter.accepts(event);
  const events = state.log.readAll(allFrom(options.getAll()!), directionOf(options), countOf(options), accept);
  return events.map((event) => readEventResponse(event, structuredUuid(options)));
};

const subscriptionSource = (options: Options): SubscriptionSource => {
  if (options.hasAll()) {
    const from = allFrom(options.getAll()!);
    return { kind: 'all', after: from };
  }
  const streamOptions = options.getStream()!;
  return { kind: 'stream', streamName: streamNameOf(streamOptions.getStreamIdentifier()), after: streamFrom(streamOptions) };
};

/** Writes a finite answer with flow control, and stops if the client went away (it often cancels early). */
const writeThenEnd = async (call: ReadCall, responses: readonly streams.ReadResp[]): Promise<void> => {
  for (const response of responses) {
    if (call.cancelled || call.destroyed) return;
    if (!call.write(response)) await new Promise((resolve) => {
      call.once('drain', resolve);
      call.once('close', resolve);
    });
  }
  if (!call.cancelled && !call.destroyed) call.end();
};

// -------------------------------------------------------------------------------------------------
// Options
// -------------------------------------------------------------------------------------------------

const streamFrom = (options: streams.ReadReq.Options.StreamOptions): ReadFrom => {
  if (options.hasRevision()) return BigInt(options.getRevision());
  return options.hasEnd() ? 'end' : 'start';
};

const allFrom = (options: streams.ReadReq.Options.AllOptions): ReadFrom => {
  const position = options.getPosition();
  if (options.hasPosition() && position) return BigInt(position.getCommitPosition());
  return options.hasEnd() ? 'end' : 'start';
};

const directionOf = (options: Options): Direction =>
  options.getReadDirection() === streams.ReadReq.Options.ReadDirection.BACKWARDS ? 'backwards' : 'forwards';

const countOf = (options: Options): bigint => (options.hasCount() ? BigInt(options.getCount()) : MAX_COUNT);

const structuredUuid = (options: Options): boolean => options.getUuidOption()?.hasStructured() ?? false;

const notFound = (streamName: string): streams.ReadResp =>
  new streams.ReadResp().setStreamNotFound(new streams.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName)));
