/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * A catch-up subscription (to one stream or to `$all`) served from the log. One cursor walks the log
 * from the start point to its end and then follows new writes, so there is no hand-over between a
 * catch-up phase and a live phase where events could be lost or repeated. It honours the client's
 * flow control: when the call's buffer is full it waits for `drain`.
 */
import { randomUUID } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { ActiveSubscription, HarnessState } from './harness-state';
import type { LoggedEvent } from './in-memory-log';
import { readEventResponse, streamDeletedError, unavailableError } from './grpc-messages';
import type { ServerFilter } from './server-filter';

/** Where the subscription starts; a position or revision is exclusive, as in EventStoreDB. */
export type SubscriptionSource =
  | { readonly kind: 'all'; readonly after: 'start' | 'end' | bigint }
  | { readonly kind: 'stream'; readonly streamName: string; readonly after: 'start' | 'end' | bigint };

type ReadCall = grpc.ServerWritableStream<streams.ReadReq, streams.ReadResp>;

export class CatchUpSubscription implements ActiveSubscription {
  private cursor = 0;
  private considered = 0;
  private lastConsidered: bigint | undefined;
  private caughtUpSent = false;
  private waitingForDrain = false;
  private closed = false;
  private readonly stopListening: () => void;

  constructor(
    private readonly state: HarnessState,
    private readonly call: ReadCall,
    private readonly source: SubscriptionSource,
    private readonly filter: ServerFilter | undefined,
    private readonly structuredUuid: boolean,
  ) {
    this.cursor = this.startIndex();
    this.stopListening = state.log.onWritten(() => this.pump());
    state.subscriptions.add(this);
    call.on('cancelled', () => this.close());
    call.on('close', () => this.close());
    call.write(new streams.ReadResp().setConfirmation(new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
    this.pump();
  }

  drop(details: string): void {
    this.fail(unavailableError(details));
  }

  private pump(): void {
    while (!this.closed && !this.waitingForDrain) {
      const event = this.entries()[this.cursor];
      if (!event) return this.atEnd();
      this.cursor += 1;
      if (this.source.kind === 'stream' && event.revision < this.state.log.streamView(this.source.streamName).truncateBefore) continue;
      this.consider(event);
    }
  }

  private consider(event: LoggedEvent): void {
    this.considered += 1;
    this.lastConsidered = event.position;
    if (!this.filter || this.filter.accepts(event)) this.send(readEventResponse(event, this.structuredUuid));
    if (this.filter && this.considered % this.filter.checkpointEvery === 0) this.sendCheckpoint(event.position);
  }

  private atEnd(): void {
    if (this.source.kind === 'stream' && this.state.log.streamView(this.source.streamName).tombstoned) {
      return this.fail(streamDeletedError(this.source.streamName));
    }
    if (this.caughtUpSent) return;
    this.caughtUpSent = true;
    if (this.filter && this.lastConsidered !== undefined) this.sendCheckpoint(this.lastConsidered);
    this.send(new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp()));
  }

  private sendCheckpoint(position: bigint): void {
    const value = position.toString();
    this.send(new streams.ReadResp().setCheckpoint(new streams.ReadResp.Checkpoint().setCommitPosition(value).setPreparePosition(value)));
  }

  private send(response: streams.ReadResp): void {
    if (this.call.write(response)) return;
    this.waitingForDrain = true;
    this.call.once('drain', () => {
      this.waitingForDrain = false;
      this.pump();
    });
  }

  private entries(): readonly LoggedEvent[] {
    return this.source.kind === 'all' ? this.state.log.entries : this.state.log.streamView(this.source.streamName).events;
  }

  private startIndex(): number {
    const { after } = this.source;
    if (after === 'start') return 0;
    if (after === 'end') return this.entries().length;
    return this.source.kind === 'all' ? this.state.log.indexAfterPosition(after) : Number(after) + 1;
  }

  private fail(error: ReturnType<typeof unavailableError>): void {
    if (this.closed) return;
    this.close();
    this.call.emit('error', error);
  }

  private close(): void {
    this.closed = true;
    this.stopListening();
    this.state.subscriptions.delete(this);
  }
}
