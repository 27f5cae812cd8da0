import { DomainError, messageDecider, timerDecider, userCategoryOf, type MessageState, type RetryPolicy, type SendOutcome } from '@practice/domain';
import { messageStream, timerStream } from '@practice/events';
import { OUTBOX, TIMERS, USER_PROFILES, type OutboxDocument, type TimerDocument, type UserProfileDocument } from '@practice/read-models';
import type { ReadStore } from '@practice/read-store';
import { commandEnvelope } from '../application/command-envelope';
import type { CommandRunner } from '../application/command-runner';
import type { MessageTransport } from './message-transport';
import { NotRenderable, type MessageRenderer } from './message-renderer';

export interface DispatcherOptions {
  readonly policy: RetryPolicy;
  /** The longest a send may take: a send started twice as long ago with no outcome is parked, never resent. */
  readonly sendTimeoutMs: number;
  /** The most messages one tick sends. */
  readonly batchSize?: number;
}

type Queued = Exclude<MessageState, { status: 'none' }>;

/**
 * Sends due messages and fires due timers. Each send is claimed in the message's stream first
 * (MessageSendStarted at the revision read: one dispatcher wins), then sent, then recorded. A crash
 * between the send and the record leaves the message `sending`: after twice the send timeout it is
 * parked as "outcome unknown" for an operator, never sent again on its own.
 */
export class MessageDispatcher {
  private sent = 0;
  private failed = 0;

  constructor(
    private readonly readStore: ReadStore,
    private readonly runner: CommandRunner,
    private readonly transport: MessageTransport,
    private readonly renderer: MessageRenderer,
    private readonly now: () => Date,
    private readonly options: DispatcherOptions,
  ) {}

  /** Counts since this process started (the totals are in the outbox read model). */
  counters(): { readonly sent: number; readonly failed: number } {
    return { sent: this.sent, failed: this.failed };
  }

  /** One round: abandoned sends parked, due timers fired, due messages sent. */
  async tick(): Promise<void> {
    await this.parkAbandoned();
    await this.fireDueTimers();
    await this.sendDue();
  }

  private envelope(commandType: string, practiceId: string | null) {
    return commandEnvelope({ commandType, actorUserId: null, practiceId, now: this.now() });
  }

  private async parkAbandoned(): Promise<void> {
    const now = this.now();
    const startedBefore = new Date(now.getTime() - 2 * this.options.sendTimeoutMs).toISOString();
    const stale = await this.readStore.collection<OutboxDocument>(OUTBOX).find({ status: 'sending', startedAt: { $lte: startedBefore } }, { limit: 100 });
    for (const doc of stale) {
      const command = { type: 'ParkUnknownOutcome' as const, messageId: doc._id, now: now.toISOString(), startedBefore };
      await this.runner.run(messageDecider, messageStream(doc._id), command, this.envelope('ParkUnknownOutcome', doc.practiceId));
    }
  }

  private async fireDueTimers(): Promise<void> {
    const now = this.now().toISOString();
    const due = await this.readStore.collection<TimerDocument>(TIMERS).find({ status: 'set', dueAt: { $lte: now } }, { sort: { dueAt: 1, _id: 1 }, limit: 100 });
    for (const timer of due) {
      await this.runner.run(timerDecider, timerStream(timer._id), { type: 'FireTimer', timerId: timer._id, now }, this.envelope('FireTimer', timer.practiceId));
    }
  }

  private async sendDue(): Promise<void> {
    const now = this.now().toISOString();
    const due = await this.readStore
      .collection<OutboxDocument>(OUTBOX)
      .find({ status: { $in: ['queued', 'failed'] }, nextAttemptAt: { $lte: now } }, { sort: { nextAttemptAt: 1, _id: 1 }, limit: this.options.batchSize ?? 50 });
    for (const doc of due) await this.sendOne(doc);
  }

  /**
   * A user category message (daily digest, product update) whose recipient has switched the category off
   * since it was queued is cancelled, not sent: the switch is honoured at send time too.
   */
  private async unwanted(doc: OutboxDocument): Promise<string | null> {
    const category = userCategoryOf(doc.kind);
    if (category === null || doc.userId === null) return null;
    const user = await this.readStore.collection<UserProfileDocument>(USER_PROFILES).get(doc.userId);
    if (user === null) return 'the user no longer exists';
    return user.notifications[category] ? null : `the user switched ${category} off`;
  }

  private async sendOne(doc: OutboxDocument): Promise<void> {
    const stream = messageStream(doc._id);
    const unwanted = await this.unwanted(doc);
    if (unwanted !== null) {
      await this.runner.run(messageDecider, stream, { type: 'CancelMessage', messageId: doc._id, reason: unwanted }, this.envelope('CancelMessage', doc.practiceId));
      return;
    }
    let claimed;
    try {
      claimed = await this.runner.run(messageDecider, stream, { type: 'StartSend', messageId: doc._id, now: this.now().toISOString() }, this.envelope('StartSend', doc.practiceId));
    } catch (error) {
      if (error instanceof DomainError) return;
      throw error;
    }
    // Not due after all, or another dispatcher claimed it first.
    if (claimed.events.length === 0) return;
    const outcome = await this.attempt(claimed.state as Queued);
    if (outcome.kind === 'sent') this.sent += 1;
    else this.failed += 1;
    const record = { type: 'RecordSendOutcome' as const, messageId: doc._id, now: this.now().toISOString(), outcome, policy: this.options.policy };
    await this.runner.run(messageDecider, stream, record, this.envelope('RecordSendOutcome', doc.practiceId));
  }

  private async attempt(message: Queued): Promise<SendOutcome> {
    let mail;
    try {
      mail = await this.renderer.render(message, this.now());
    } catch (error) {
      if (error instanceof NotRenderable) return { kind: 'refused', reason: `not renderable: ${error.message}` };
      return { kind: 'transient', reason: `render failed: ${(error as Error)?.name ?? 'error'}` };
    }
    return this.transport.send(mail);
  }
}
