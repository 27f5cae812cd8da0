import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';

export type NextBatch =
  | { readonly kind: 'events'; readonly events: readonly AllStreamResolvedEvent[] }
  | { readonly kind: 'ended' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'closed' };

/**
 * Pulls batches out of one client subscription without letting it run ahead: nothing is read while the
 * handler works, so the client's buffer fills, the gRPC stream pauses and flow control reaches the server.
 *
 * It also counts the events taken, so a signal (caught-up, checkpoint) that arrives while earlier events
 * still sit in the buffer can be pinned to "once the first N events are handled".
 */
export class SubscriptionBatchReader {
  private taken = 0;
  private failure: { readonly error: unknown } | undefined;
  private ended = false;
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(private readonly subscription: AllStreamSubscription) {
    subscription.on('readable', this.poke);
    subscription.on('end', () => {
      this.ended = true;
      this.poke();
    });
    subscription.on('error', (error: unknown) => {
      this.failure ??= { error };
      this.poke();
    });
  }

  /** How many events will have been taken once everything already received is taken. */
  get receivedCount(): number {
    return this.taken + this.subscription.readableLength;
  }

  async next(maxBatchSize: number): Promise<NextBatch> {
    for (;;) {
      if (this.closed) return { kind: 'closed' };
      // After a failure what is still buffered is dropped: the caller resumes from what it handled.
      if (this.failure) return { kind: 'failed', error: this.failure.error };
      const events = this.take(maxBatchSize);
      if (events.length > 0) return { kind: 'events', events };
      if (this.ended) return { kind: 'ended' };
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  close(): void {
    this.closed = true;
    this.poke();
  }

  private take(maxBatchSize: number): AllStreamResolvedEvent[] {
    const events: AllStreamResolvedEvent[] = [];
    while (events.length < maxBatchSize) {
      const event = this.subscription.read() as AllStreamResolvedEvent | null;
      if (event === null) break;
      events.push(event);
    }
    this.taken += events.length;
    return events;
  }

  private readonly poke = (): void => {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  };
}
