import { deciderSpec } from '../../../../test/support/decider-spec';
import type { MessageEvent } from '@practice/events';
import { defaultRetryPolicy, messageDecider, type RetryPolicy } from './message.decider';

const spec = deciderSpec(messageDecider);
const messageId = 'm-1';
const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };
const queued: MessageEvent = {
  type: 'MessageQueued',
  data: { messageId, kind: 'practice-invitation', practiceId: 'p-1', to: 'ada@example.com', refs: { invitationId: 'i-1' }, dueAt: '2026-01-01T10:00:00.000Z', causeEventId: 'e-1' },
};
const started = (attempt: number, at = '2026-01-01T10:00:00.000Z'): MessageEvent => ({ type: 'MessageSendStarted', data: { messageId, attempt, startedAt: at } });
const failed = (attempt: number, nextAttemptAt: string): MessageEvent => ({
  type: 'MessageSendFailed',
  data: { messageId, attempt, reason: 'connection refused', failedAt: '2026-01-01T10:00:00.000Z', nextAttemptAt },
});
const outcome = (kind: 'sent' | 'transient' | 'refused', now = '2026-01-01T10:00:00.000Z') => ({
  type: 'RecordSendOutcome' as const,
  messageId,
  now,
  outcome: kind === 'sent' ? { kind } : { kind, reason: kind === 'refused' ? '550 no such user' : 'connection refused' },
  policy,
});

describe('Message decider', () => {
  describe('when nothing is queued', () => {
    it('queues the message once; queueing it again changes nothing', () => {
      const { data } = queued as Extract<MessageEvent, { type: 'MessageQueued' }>;
      spec.given([]).when({ type: 'QueueMessage', ...data }).then([queued]);
      spec.given([queued]).when({ type: 'QueueMessage', ...data }).then([]);
    });

    it('has nothing to retry', () => {
      spec.given([]).when({ type: 'RetryMessage', messageId, now: '2026-01-01T10:00:00.000Z' }).thenThrows('MessageNotFound');
    });
  });

  describe('when it is queued', () => {
    it('is claimed by a dispatcher once it is due, and not before', () => {
      spec.given([queued]).when({ type: 'StartSend', messageId, now: '2026-01-01T09:59:59.000Z' }).then([]);
      spec.given([queued]).when({ type: 'StartSend', messageId, now: '2026-01-01T10:00:00.000Z' }).then([started(1)]);
    });
  });

  describe('when it is being sent', () => {
    it('cannot be claimed by a second dispatcher', () => {
      spec.given([queued, started(1)]).when({ type: 'StartSend', messageId, now: '2026-01-01T11:00:00.000Z' }).then([]);
    });

    it('records it sent', () => {
      spec.given([queued, started(1)]).when(outcome('sent')).then([{ type: 'MessageSent', data: { messageId, attempt: 1, sentAt: '2026-01-01T10:00:00.000Z' } }]);
    });

    it('tries again later after a transient failure, waiting twice as long each time', () => {
      spec.given([queued, started(1)]).when(outcome('transient')).then([failed(1, '2026-01-01T10:00:01.000Z')]);
      spec.given([queued, started(1), failed(1, '2026-01-01T10:00:01.000Z'), started(2)]).when(outcome('transient')).then([failed(2, '2026-01-01T10:00:02.000Z')]);
    });

    it('parks it when the attempts are used up', () => {
      const history = [queued, started(1), failed(1, 'x'), started(2), failed(2, 'x'), started(3)];
      spec.given(history).when(outcome('transient')).then([
        { type: 'MessageParked', data: { messageId, why: 'attempts-exhausted', reason: 'connection refused', parkedAt: '2026-01-01T10:00:00.000Z' } },
      ]);
    });

    it('parks it at once when the server refuses it', () => {
      spec.given([queued, started(1)]).when(outcome('refused')).then([
        { type: 'MessageParked', data: { messageId, why: 'refused', reason: '550 no such user', parkedAt: '2026-01-01T10:00:00.000Z' } },
      ]);
    });

    it('parks it as "outcome unknown" once the send has been started longer than any send takes, never resends it', () => {
      const history = [queued, started(1, '2026-01-01T10:00:00.000Z')];
      spec.given(history).when({ type: 'ParkUnknownOutcome', messageId, now: '2026-01-01T10:05:00.000Z', startedBefore: '2026-01-01T09:59:00.000Z' }).then([]);
      const [parked] = messageDecider.decide({ type: 'ParkUnknownOutcome', messageId, now: '2026-01-01T10:05:00.000Z', startedBefore: '2026-01-01T10:03:00.000Z' }, history.reduce(messageDecider.evolve, messageDecider.initialState()));
      expect(parked).toMatchObject({ type: 'MessageParked', data: { why: 'outcome-unknown' } });
    });
  });

  describe('when it is parked', () => {
    const parked: MessageEvent = { type: 'MessageParked', data: { messageId, why: 'refused', reason: 'no', parkedAt: '2026-01-01T10:00:00.000Z' } };

    it('is retried by an operator, from a fresh attempt count, at once', () => {
      spec.given([queued, started(1), parked]).when({ type: 'RetryMessage', messageId, now: '2026-01-02T00:00:00.000Z' }).then([{ type: 'MessageRetried', data: { messageId, retriedAt: '2026-01-02T00:00:00.000Z' } }]);
      const state = [queued, started(1), parked, { type: 'MessageRetried', data: { messageId, retriedAt: '2026-01-02T00:00:00.000Z' } } as MessageEvent].reduce(messageDecider.evolve, messageDecider.initialState());
      expect(state).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: '2026-01-02T00:00:00.000Z' });
    });
  });

  describe('when it was sent', () => {
    it('cannot be retried or cancelled', () => {
      const sent: MessageEvent = { type: 'MessageSent', data: { messageId, attempt: 1, sentAt: '2026-01-01T10:00:00.000Z' } };
      spec.given([queued, started(1), sent]).when({ type: 'RetryMessage', messageId, now: '2026-01-02T00:00:00.000Z' }).thenThrows('MessageNotParked');
      spec.given([queued, started(1), sent]).when({ type: 'CancelMessage', messageId, reason: 'moved' }).then([]);
    });
  });

  it('waits at most maxDelayMs by default', () => {
    expect(defaultRetryPolicy.maxAttempts).toBeGreaterThan(1);
  });
});
