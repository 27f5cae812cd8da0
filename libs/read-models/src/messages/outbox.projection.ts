import type { MessageEvent, MessageKind, RecordedEvent, TimerEvent, TimerSet } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';

export const OUTBOX = 'outbox';
export const TIMERS = 'timers';

export type OutboxStatus = 'queued' | 'sending' | 'failed' | 'sent' | 'parked' | 'cancelled';

/**
 * One message of the outbox, for the dispatcher (what is due) and for operators (what is parked). The
 * message stream is the truth; this is rebuilt from it at every start like every read model.
 */
export interface OutboxDocument extends ReadDocument {
  readonly practiceId: string | null;
  readonly kind: MessageKind;
  readonly to: string;
  /** The recipient user of a user category message (daily digest, product update): its switch is read before each send. */
  readonly userId: string | null;
  readonly status: OutboxStatus;
  readonly attempts: number;
  /** When the dispatcher may next try it (queued, failed); null otherwise. */
  readonly nextAttemptAt: string | null;
  readonly startedAt: string | null;
  readonly queuedAt: string;
  readonly sentAt: string | null;
  readonly lastError: string | null;
  readonly parkedWhy: string | null;
  readonly updatedAt: string;
}

const messageIdOf = (event: RecordedEvent): string[] => [(event.data as { messageId: string }).messageId];

type Handler<T extends MessageEvent['type']> = (doc: OutboxDocument | null, event: RecordedEvent & Extract<MessageEvent, { type: T }>) => OutboxDocument | null;

const change = <T extends MessageEvent['type']>(update: (doc: OutboxDocument, event: RecordedEvent & Extract<MessageEvent, { type: T }>) => Partial<OutboxDocument>): Handler<T> =>
  (doc, event) => (doc === null ? null : { ...doc, ...update(doc, event), updatedAt: event.metadata.occurredAt });

const handlers: { [K in MessageEvent['type']]: Handler<K> } = {
  MessageQueued: (_doc, { data, metadata }) => ({
    _id: data.messageId,
    practiceId: data.practiceId,
    kind: data.kind,
    to: data.to,
    userId: data.refs.userId ?? null,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: data.dueAt,
    startedAt: null,
    queuedAt: metadata.occurredAt,
    sentAt: null,
    lastError: null,
    parkedWhy: null,
    updatedAt: metadata.occurredAt,
  }),
  MessageSendStarted: change(({}, { data }) => ({ status: 'sending', attempts: data.attempt, startedAt: data.startedAt, nextAttemptAt: null })),
  MessageSent: change(({}, { data }) => ({ status: 'sent', sentAt: data.sentAt, nextAttemptAt: null })),
  MessageSendFailed: change(({}, { data }) => ({ status: 'failed', lastError: data.reason, nextAttemptAt: data.nextAttemptAt })),
  MessageParked: change(({}, { data }) => ({ status: 'parked', lastError: data.reason, parkedWhy: data.why, nextAttemptAt: null })),
  MessageRetried: change(({}, { data }) => ({ status: 'queued', attempts: 0, parkedWhy: null, nextAttemptAt: data.retriedAt })),
  MessageCancelled: change(() => ({ status: 'cancelled', nextAttemptAt: null })),
};

export const outboxProjection = defineProjection<OutboxDocument>({
  name: OUTBOX,
  indexes: [
    { name: 'status_next', keys: { status: 1, nextAttemptAt: 1, _id: 1 } },
    { name: 'practice_status_queued', keys: { practiceId: 1, status: 1, queuedAt: 1, _id: 1 } },
  ],
  documentIds: messageIdOf,
  handlers: handlers as never,
});

/**
 * A durable timer, for the scheduler: the ones set and due. An appointment reminder's timer names its
 * practice, chart and appointment; a daily digest's its user, local date and time zone (the others null).
 */
export interface TimerDocument extends ReadDocument {
  readonly purpose: string;
  readonly status: 'set' | 'fired' | 'cancelled';
  readonly dueAt: string;
  readonly practiceId: string | null;
  readonly chartId: string | null;
  readonly appointmentId: string | null;
  readonly appointmentStart: string | null;
  readonly userId: string | null;
  readonly localDate: string | null;
  readonly timeZone: string | null;
}

const timerSetDocument = (data: TimerSet['data']): TimerDocument => {
  const none = { practiceId: null, chartId: null, appointmentId: null, appointmentStart: null, userId: null, localDate: null, timeZone: null };
  const { timerId, purpose, dueAt } = data;
  const subject =
    data.purpose === 'appointment-reminder'
      ? { practiceId: data.practiceId, chartId: data.chartId, appointmentId: data.appointmentId, appointmentStart: data.appointmentStart }
      : { userId: data.userId, localDate: data.localDate, timeZone: data.timeZone };
  return { _id: timerId, status: 'set', purpose, dueAt, ...none, ...subject };
};

const timerHandlers: { [K in TimerEvent['type']]: (doc: TimerDocument | null, event: RecordedEvent & Extract<TimerEvent, { type: K }>) => TimerDocument | null } = {
  TimerSet: (_doc, { data }) => timerSetDocument(data),
  TimerCancelled: (doc) => (doc === null ? null : { ...doc, status: 'cancelled' }),
  TimerFired: (doc) => (doc === null ? null : { ...doc, status: 'fired' }),
};

export const timerProjection = defineProjection<TimerDocument>({
  name: TIMERS,
  indexes: [{ name: 'status_due', keys: { status: 1, dueAt: 1, _id: 1 } }],
  documentIds: (event) => [(event.data as { timerId: string }).timerId],
  handlers: timerHandlers as never,
});
