/**
 * TEST HARNESS, never a deployment option. An in-memory stand-in for an EventStoreDB node that the
 * real `@eventstore/db-client` talks to over gRPC on 127.0.0.1, so the production adapter is tested in
 * CI where EventStoreDB cannot be installed. No durability, no TLS, no authentication, one process.
 *
 * It serves the client's own generated service definitions (ServerFeatures and Streams), so what goes
 * over the wire is exactly what a real node exchanges with the client. It also lets specs inject faults:
 * drop every live subscription, refuse the next appends.
 */
import * as grpc from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { emptyCounters, FaultInjection, type CallCounters, type HarnessState, type SubscriptionRequest } from './harness-state';
import { InMemoryLog } from './in-memory-log';
import { getSupportedMethodsHandler } from './server-features.handler';
import { appendHandler, batchAppendHandler } from './streams-append.handler';
import { deleteHandler, tombstoneHandler } from './streams-delete.handler';
import { readHandler } from './streams-read.handler';

export interface EsdbTestServerOptions {
  /** Write a few `$`-stream events at start, as a fresh node does (default true). */
  readonly seedSystemEvents?: boolean;
}

export interface StartedServer {
  readonly port: number;
  /** An insecure single-node connection string for `EventStoreDBClient.connectionString`. */
  readonly url: string;
}

export class EsdbTestServer {
  private readonly state: HarnessState;
  private server: grpc.Server | undefined;

  constructor(options: EsdbTestServerOptions = {}) {
    this.state = {
      log: new InMemoryLog(),
      calls: emptyCounters(),
      subscriptionRequests: [],
      faults: new FaultInjection(),
      subscriptions: new Set(),
    };
    if (options.seedSystemEvents ?? true) this.state.log.seedSystemEvents();
  }

  /** Live counters of the gRPC calls received. */
  get calls(): Readonly<CallCounters> {
    return this.state.calls;
  }

  /** Every subscription request received, in order: specs check where a client resumed from. */
  get subscriptionRequests(): readonly SubscriptionRequest[] {
    return this.state.subscriptionRequests;
  }

  get activeSubscriptions(): number {
    return this.state.subscriptions.size;
  }

  async start(): Promise<StartedServer> {
    if (this.server) throw new Error('the test server is already started');
    const server = new grpc.Server();
    server.addService(ServerFeaturesService, { getSupportedMethods: getSupportedMethodsHandler(this.state) });
    server.addService(StreamsService, {
      read: readHandler(this.state),
      append: appendHandler(this.state),
      batchAppend: batchAppendHandler(this.state),
      delete: deleteHandler(this.state),
      tombstone: tombstoneHandler(this.state),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    this.server = server;
    return { port, url: `esdb://127.0.0.1:${port}?tls=false` };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    this.dropAllSubscriptions('the test server is stopping');
    server.forceShutdown();
  }

  /** Ends every live subscription with UNAVAILABLE, as a node restart or leader change would. */
  dropAllSubscriptions(details = 'subscription dropped by the test server (fault injection)'): number {
    const active = [...this.state.subscriptions];
    for (const subscription of active) subscription.drop(details);
    return active.length;
  }

  /** The next `count` appends (Append or BatchAppend) fail with UNAVAILABLE and write nothing. */
  refuseNextAppends(count: number): void {
    this.state.faults.refuseNextAppends(count);
  }
}
