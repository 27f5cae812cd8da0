import type { MessageEvent, MessageKind, MessageRefs } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';

/**
 * One message of the outbox. Its stream is the only record of what was sent: a dispatcher claims a
 * message by appending MessageSendStarted at the revision it read (a second dispatcher's append fails),
 * then records the outcome. A message still `sending` after the longest a send can take is parked as
 * "outcome unknown": it may have left, so only an operator sends it again.
 */
export type MessageState =
  | { readonly status: 'none' }
  | {
      readonly status: 'queued' | 'sending' | 'failed' | 'sent' | 'parked' | 'cancelled';
      readonly messageId: string;
      readonly kind: MessageKind;
      readonly practiceId: string | null;
      readonly to: string;
      readonly refs: MessageRefs;
      /** Attempts since it was queued or last retried by an operator. */
      readonly attempts: number;
      /** When the next attempt may start (queued, failed). */
      readonly nextAttemptAt: string;
      readonly startedAt: string | null;
    };

/** How often and how fast a failing message is tried again. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  /** The wait after the first failure; it doubles after each one. */
  readonly baseDelayMs: number;
  /** The longest wait between two attempts. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

/** What the transport answered. `refused`: permanently (a 5xx, an address it will never take). */
export type SendOutcome = { readonly kind: 'sent' } | { readonly kind: 'transient'; readonly reason: string } | { readonly kind: 'refused'; readonly reason: string };

export type MessageCommand =
  | {
      readonly type: 'QueueMessage';
      readonly messageId: string;
      readonly kind: MessageKind;
      readonly practiceId: string | null;
      readonly to: string;
      readonly refs: MessageRefs;
      readonly dueAt: string;
      readonly causeEventId: string;
    }
  | { readonly type: 'StartSend'; readonly messageId: string; readonly now: string }
  | { readonly type: 'RecordSendOutcome'; readonly messageId: string; readonly now: string; readonly outcome: SendOutcome; readonly policy: RetryPolicy }
  | { readonly type: 'ParkUnknownOutcome'; readonly messageId: string; readonly now: string; readonly startedBefore: string }
  | { readonly type: 'RetryMessage'; readonly messageId: string; readonly now: string }
  | { readonly type: 'CancelMessage'; readonly messageId: string; readonly reason: string };

const messageNotFound = (): DomainError => new DomainError('MessageNotFound', 'not_found', 'No such message');

/** The wait before attempt `attempt + 1`: base × 2^(attempt-1), at most maxDelayMs. */
export const backoffMs = (attempt: number, policy: RetryPolicy): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));

const later = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

const decide = (command: MessageCommand, state: MessageState): readonly MessageEvent[] => {
  const { messageId } = command;
  if (command.type === 'QueueMessage') {
    if (state.status !== 'none') return [];
    const { kind, practiceId, to, refs, dueAt, causeEventId } = command;
    return [{ type: 'MessageQueued', data: { messageId, kind, practiceId, to, refs, dueAt, causeEventId } }];
  }
  if (state.status === 'none') throw messageNotFound();
  switch (command.type) {
    case 'StartSend': {
      // Not due, or another dispatcher has it: nothing to claim.
      const sendable = (state.status === 'queued' || state.status === 'failed') && Date.parse(state.nextAttemptAt) <= Date.parse(command.now);
      return sendable ? [{ type: 'MessageSendStarted', data: { messageId, attempt: state.attempts + 1, startedAt: command.now } }] : [];
    }
    case 'RecordSendOutcome': {
      if (state.status !== 'sending') return [];
      const { outcome, now, policy } = command;
      const attempt = state.attempts;
      if (outcome.kind === 'sent') return [{ type: 'MessageSent', data: { messageId, attempt, sentAt: now } }];
      if (outcome.kind === 'refused') return [{ type: 'MessageParked', data: { messageId, why: 'refused', reason: outcome.reason.slice(0, 500), parkedAt: now } }];
      if (attempt >= policy.maxAttempts) {
        return [{ type: 'MessageParked', data: { messageId, why: 'attempts-exhausted', reason: outcome.reason.slice(0, 500), parkedAt: now } }];
      }
      const nextAttemptAt = later(now, backoffMs(attempt, policy));
      return [{ type: 'MessageSendFailed', data: { messageId, attempt, reason: outcome.reason.slice(0, 500), failedAt: now, nextAttemptAt } }];
    }
    case 'ParkUnknownOutcome': {
      const stale = state.status === 'sending' && state.startedAt !== null && Date.parse(state.startedAt) <= Date.parse(command.startedBefore);
      const reason = 'the send started but its outcome was never recorded (the process stopped): it may have been delivered';
      return stale ? [{ type: 'MessageParked', data: { messageId, why: 'outcome-unknown', reason, parkedAt: command.now } }] : [];
    }
    case 'RetryMessage':
      if (state.status !== 'parked') throw new DomainError('MessageNotParked', 'conflict', 'Only a parked message can be retried');
      return [{ type: 'MessageRetried', data: { messageId, retriedAt: command.now } }];
    case 'CancelMessage':
      return state.status === 'queued' || state.status === 'failed' || state.status === 'parked'
        ? [{ type: 'MessageCancelled', data: { messageId, reason: command.reason } }]
        : [];
    default:
      return assertNever(command);
  }
};

const evolve = (state: MessageState, event: MessageEvent): MessageState => {
  if (event.type === 'MessageQueued') {
    const { messageId, kind, practiceId, to, refs, dueAt } = event.data;
    return { status: 'queued', messageId, kind, practiceId, to, refs, attempts: 0, nextAttemptAt: dueAt, startedAt: null };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'MessageSendStarted':
      return { ...state, status: 'sending', attempts: event.data.attempt, startedAt: event.data.startedAt };
    case 'MessageSent':
      return { ...state, status: 'sent' };
    case 'MessageSendFailed':
      return { ...state, status: 'failed', nextAttemptAt: event.data.nextAttemptAt };
    case 'MessageParked':
      return { ...state, status: 'parked' };
    case 'MessageRetried':
      return { ...state, status: 'queued', attempts: 0, nextAttemptAt: event.data.retriedAt, startedAt: null };
    case 'MessageCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return assertNever(event);
  }
};

export const messageDecider: Decider<MessageCommand, MessageState, MessageEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};
