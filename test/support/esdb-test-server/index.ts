/**
 * TEST HARNESS, never a deployment option: an in-memory EventStoreDB gRPC test server for CI.
 */
export { EsdbTestServer, type EsdbTestServerOptions, type StartedServer } from './esdb-test-server';
export type { CallCounters, SubscriptionRequest } from './harness-state';
