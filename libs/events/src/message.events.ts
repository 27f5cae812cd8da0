import { z, id, email, isoDate, isoDateTime } from './schema';
import type { DomainEvent } from './envelope';

/**
 * The outbox: one `message-<id>` stream per message, its id derived from the event that caused it, so a
 * replay or a second replica queues nothing twice. No secret is ever in these events (an invitation
 * link is signed when the message is sent) and no clinical data: the kind and the ids the template
 * needs to look the practice's name and the appointment time up when it renders.
 */
export const messageKinds = ['practice-invitation', 'appointment-reminder', 'portal-invitation', 'session-bridging', 'daily-digest', 'product-update', 'document-request'] as const;
export type MessageKind = (typeof messageKinds)[number];

const count = z.number().int().min(0);

/**
 * One practice's lines of a daily digest: counts only, never a client's name or anything clinical.
 * `payments`: yesterday's payments by currency (amounts in minor units); null when the recipient's role
 * may not read payments (`billing:read`).
 */
export const DigestPracticeSchema = z
  .object({
    practiceId: id,
    appointmentsToday: count,
    overdueTasks: count,
    notesAwaitingSignature: count,
    newClients: count,
    payments: z.array(z.object({ currency: z.string().length(3), count, total: count }).strict()).max(20).nullable(),
  })
  .strict();
export type DigestPractice = z.infer<typeof DigestPracticeSchema>;

/**
 * What a template may name: ids, an appointment time and a digest's counts, never a note, a diagnosis,
 * a client's name or a token. `userId`: the recipient of a user category message (its switch is checked
 * again when it is sent).
 */
export const MessageRefsSchema = z
  .object({
    invitationId: id.optional(),
    chartId: id.optional(),
    appointmentId: id.optional(),
    appointmentStart: isoDateTime.optional(),
    userId: id.optional(),
    /** The day a daily digest is for, in the recipient's time zone. */
    localDate: isoDate.optional(),
    timeZone: z.string().min(1).max(64).optional(),
    digest: z.array(DigestPracticeSchema).max(200).optional(),
    updateId: id.optional(),
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

export const timerPurposes = ['appointment-reminder', 'daily-digest'] as const;
export type TimerPurpose = (typeof timerPurposes)[number];

/**
 * A `timer-<id>` stream: set (again, when what it waits for moves), cancelled, fired. The scheduler fires
 * a due timer by appending TimerFired at the revision it read; the workflows react to that event.
 */
export const AppointmentReminderTimerSetSchema = z
  .object({
    timerId: id,
    purpose: z.literal('appointment-reminder'),
    practiceId: id,
    dueAt: isoDateTime,
    chartId: id,
    appointmentId: id,
    appointmentStart: isoDateTime,
  })
  .strict();

/** A user's daily digest: one timer per user, due at 07:00 of `localDate` in `timeZone`, set again when it fires. */
export const DailyDigestTimerSetSchema = z
  .object({
    timerId: id,
    purpose: z.literal('daily-digest'),
    userId: id,
    dueAt: isoDateTime,
    localDate: isoDate,
    timeZone: z.string().min(1).max(64),
  })
  .strict();

/** Reminder timers were the first: their shape is unchanged; the digest timers are a second shape by purpose. */
export const TimerSetSchema = z.discriminatedUnion('purpose', [AppointmentReminderTimerSetSchema, DailyDigestTimerSetSchema]);
export type TimerSet = DomainEvent<'TimerSet', z.infer<typeof TimerSetSchema>>;
export type AppointmentReminderTimer = z.infer<typeof AppointmentReminderTimerSetSchema>;
export type DailyDigestTimer = z.infer<typeof DailyDigestTimerSetSchema>;

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
