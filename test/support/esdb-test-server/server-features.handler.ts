/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * ServerFeatures.GetSupportedMethods. The client asks once per channel and takes BatchAppend for
 * `appendToStream` when `/event_store.client.streams.streams/batchappend` is listed (compared in lower
 * case) and the call carries no per-call credentials; otherwise it falls back to Append.
 */
import type * as grpc from '@grpc/grpc-js';
import type * as shared from '@eventstore/db-client/generated/shared_pb';
import * as features from '@eventstore/db-client/generated/serverfeatures_pb';
import type { HarnessState } from './harness-state';

/** The version a 23.10 node reports; from 23.10 on, catch-up subscriptions send caught-up messages. */
export const EMULATED_SERVER_VERSION = '23.10.0';

const STREAMS = 'event_store.client.streams.streams';

const SUPPORTED: readonly (readonly [service: string, method: string])[] = [
  [STREAMS, 'read'],
  [STREAMS, 'append'],
  [STREAMS, 'batchappend'],
  [STREAMS, 'delete'],
  [STREAMS, 'tombstone'],
  ['event_store.client.server_features.serverfeatures', 'getsupportedmethods'],
];

export const getSupportedMethodsHandler =
  (state: HarnessState): grpc.handleUnaryCall<shared.Empty, features.SupportedMethods> =>
  (_call, callback) => {
    state.calls.getSupportedMethods += 1;
    const methods = SUPPORTED.map(([service, method]) => new features.SupportedMethod().setServiceName(service).setMethodName(method));
    callback(null, new features.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(EMULATED_SERVER_VERSION));
  };
