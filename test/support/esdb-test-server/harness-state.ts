/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * What the gRPC handlers share: the log, call counters the specs assert on, and the injected faults.
 */
import type { InMemoryLog } from './in-memory-log';

/** How often each gRPC method was called, so specs can tell which path the client really took. */
export interface CallCounters {
  getSupportedMethods: number;
  append: number;
  /** BatchAppend calls (the client keeps one open per channel and multiplexes appends on it). */
  batchAppendCalls: number;
  /** Appends completed over BatchAppend (one per correlation id). */
  batchAppends: number;
  read: number;
  subscriptions: number;
  delete: number;
  tombstone: number;
}

export const emptyCounters = (): CallCounters => ({
  getSupportedMethods: 0,
  append: 0,
  batchAppendCalls: 0,
  batchAppends: 0,
  read: 0,
  subscriptions: 0,
  delete: 0,
  tombstone: 0,
});

/** A subscription the server is feeding; `drop` ends it with an error, as a node going away would. */
export interface ActiveSubscription {
  drop(details: string): void;
}

export class FaultInjection {
  private refusals = 0;

  refuseNextAppends(count: number): void {
    this.refusals = count;
  }

  /** True when this append must be refused (and counts it). */
  takeRefusal(): boolean {
    if (this.refusals <= 0) return false;
    this.refusals -= 1;
    return true;
  }
}

/** Where a subscription asked to start: a position or revision (exclusive), or the start or end. */
export interface SubscriptionRequest {
  readonly to: 'all' | 'stream';
  readonly after: 'start' | 'end' | bigint;
}

export interface HarnessState {
  readonly log: InMemoryLog;
  readonly calls: CallCounters;
  readonly subscriptionRequests: SubscriptionRequest[];
  readonly faults: FaultInjection;
  readonly subscriptions: Set<ActiveSubscription>;
}
