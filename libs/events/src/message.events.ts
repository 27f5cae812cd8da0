import { z, id, email, isoDateTime } from './schema';
import type { DomainEvent } from './envelope';

/**
 * The outbox: one `message-<id>` stream per message, its id derived from the event that caused it, so a
 * replay or a second replica queues nothing twice. No secret is ever in these events (an invitation
 * link is signed when the message is sent) and no clinical data: the kind and the ids the template
 * needs to look the practice's name and the appointment time up when it renders.
 */
export const messageKinds = ['practice-invitation', 'appointment-reminder', 'portal-invitation', 'session-bridging'] as const;
export type MessageKind = (typeof messageKinds)[number];

/** What a template may name: ids and an appointment time, never a note, a diagnosis or a token. */
export const MessageRefsSchema = z
  .object({
    invitationId: id.optional(),
    chartId: id.optional(),
    appointmentId: id.optional(),
    appointmentStart: isoDateTime.optional(),
  })
  .strict();
export type MessageRefs = z.infer<typeof MessageRefsSchema>;

export const MessageQueuedSchema = z
  .object({
    messageId: id,
    kind: z.enum(messageKinds),
    practiceId: id.nullable(),
    to: email,
    refs: MessageRefsSchema,
    /** Not sent before this time. */
    dueAt: isoDateTime,
    /** The event that caused the message. */
    causeEventId: id,
  })
  .strict();
export type MessageQueued = DomainEvent<'MessageQueued', z.infer<typeof MessageQueuedSchema>>;

/** A dispatcher claimed the message (appended at the revision it read, so only one does) and is sending it. */
export const MessageSendStartedSchema = z.object({ messageId: id, attempt: z.number().int().min(1), startedAt: isoDateTime }).strict();
export type MessageSendStarted = DomainEvent<'MessageSendStarted', z.infer<typeof MessageSendStartedSchema>>;

export const MessageSentSchema = z.object({ messageId: id, attempt: z.number().int().min(1), sentAt: isoDateTime }).strict();
export type MessageSent = DomainEvent<'MessageSent', z.infer<typeof MessageSentSchema>>;

/** A transient failure (the server is down, a 4xx reply): tried again at `nextAttemptAt`. */
export const MessageSendFailedSchema = z
  .object({ messageId: id, attempt: z.number().int().min(1), reason: z.string().max(500), failedAt: isoDateTime, nextAttemptAt: isoDateTime })
  .strict();
export type MessageSendFailed = DomainEvent<'MessageSendFailed', z.infer<typeof MessageSendFailedSchema>>;

export const messageParkReasons = ['refused', 'attempts-exhausted', 'outcome-unknown'] as const;

/** Set aside for an operator: refused by the server, failing too often, or started with no known outcome. */
export const MessageParkedSchema = z
  .object({ messageId: id, why: z.enum(messageParkReasons), reason: z.string().max(500), parkedAt: isoDateTime })
  .strict();
export type MessageParked = DomainEvent<'MessageParked', z.infer<typeof MessageParkedSchema>>;

/** An operator sends a parked message again (the attempt count starts over). */
export const MessageRetriedSchema = z.object({ messageId: id, retriedAt: isoDateTime }).strict();
export type MessageRetried = DomainEvent<'MessageRetried', z.infer<typeof MessageRetriedSchema>>;

/** Not to be sent any more (the reminder's appointment moved or was cancelled before it went out). */
export const MessageCancelledSchema = z.object({ messageId: id, reason: z.string().max(200) }).strict();
export type MessageCancelled = DomainEvent<'MessageCancelled', z.infer<typeof MessageCancelledSchema>>;

export type MessageEvent = MessageQueued | MessageSendStarted | MessageSent | MessageSendFailed | MessageParked | MessageRetried | MessageCancelled;

export const messageEventSchemas = {
  MessageQueued: MessageQueuedSchema,
  MessageSendStarted: MessageSendStartedSchema,
  MessageSent: MessageSentSchema,
  MessageSendFailed: MessageSendFailedSchema,
  MessageParked: MessageParkedSchema,
  MessageRetried: MessageRetriedSchema,
  MessageCancelled: MessageCancelledSchema,
} as const;

// ---- Durable timers ----------------------------------------------------------------------------

export const timerPurposes = ['appointment-reminder'] as const;
export type TimerPurpose = (typeof timerPurposes)[number];

/**
 * A `timer-<id>` stream: set (again, when what it waits for moves), cancelled, fired. The scheduler fires
 * a due timer by appending TimerFired at the revision it read; the workflows react to that event.
 */
export const TimerSetSchema = z
  .object({
    timerId: id,
    purpose: z.enum(timerPurposes),
    practiceId: id,
    dueAt: isoDateTime,
    chartId: id,
    appointmentId: id,
    appointmentStart: isoDateTime,
  })
  .strict();
export type TimerSet = DomainEvent<'TimerSet', z.infer<typeof TimerSetSchema>>;

export const TimerCancelledSchema = z.object({ timerId: id, reason: z.string().max(200) }).strict();
export type TimerCancelled = DomainEvent<'TimerCancelled', z.infer<typeof TimerCancelledSchema>>;

export const TimerFiredSchema = z.object({ timerId: id, dueAt: isoDateTime, firedAt: isoDateTime }).strict();
export type TimerFired = DomainEvent<'TimerFired', z.infer<typeof TimerFiredSchema>>;

export type TimerEvent = TimerSet | TimerCancelled | TimerFired;

export const timerEventSchemas = {
  TimerSet: TimerSetSchema,
  TimerCancelled: TimerCancelledSchema,
  TimerFired: TimerFiredSchema,
} as const;
