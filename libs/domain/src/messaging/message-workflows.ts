import type {
  AppointmentBooked,
  AppointmentCancelled,
  AppointmentCompleted,
  AppointmentLateCancelled,
  AppointmentMarkedNoShow,
  AppointmentRescheduled,
  DocumentRequested,
  MessageKind,
  MessageRefs,
  PortalInvitationSent,
  PracticeMemberInvited,
  TimerFired,
  AppointmentReminderTimer,
} from '@practice/events';
import { normalizeEmail } from '../shared/email-address';
import type { DigestTimerSubject, TimerSubject } from './timer.decider';

/**
 * What the message workflows ask the runtime to do. Names, not ids: the runtime derives each id from its
 * name (a UUID of the name), so the same event handled twice (a replay, a second replica) names the same
 * message and the same timer, and the outbox takes it once.
 */
export type MessagingAction =
  | {
      readonly kind: 'queue';
      /** The message's name: the causing event's id, the kind, the recipient. */
      readonly name: string;
      readonly message: { readonly kind: MessageKind; readonly practiceId: string | null; readonly to: string; readonly refs: MessageRefs; readonly dueAt: string };
    }
  | { readonly kind: 'setTimer'; readonly name: string; readonly dueAt: string; readonly subject: TimerSubject }
  /** A user's daily digest timer (see daily-digest.ts). */
  | { readonly kind: 'setDigestTimer'; readonly name: string; readonly dueAt: string; readonly subject: DigestTimerSubject }
  | { readonly kind: 'cancelTimer'; readonly name: string; readonly reason: string };

export interface Recorded<E> {
  readonly event: E;
  readonly eventId: string;
  readonly occurredAt: string;
}

const queue = (cause: string, kind: MessageKind, practiceId: string | null, to: string, refs: MessageRefs, dueAt: string): MessagingAction => ({
  kind: 'queue',
  name: `${cause}|${kind}|${normalizeEmail(to)}`,
  message: { kind, practiceId, to, refs, dueAt },
});

/** The reminder timer of an appointment: one per appointment, moved with it. */
export const reminderTimerName = (appointmentId: string): string => `appointment-reminder|${appointmentId}`;

// ---- Practice invitations ----------------------------------------------------------------------

/**
 * An invitation is emailed to the invited address once. `stillOpen`: the invitation is pending and not
 * expired now (a replay of an old, answered or expired invitation sends nothing).
 */
export const practiceInvitationEmail = (given: Recorded<PracticeMemberInvited>, facts: { readonly stillOpen: boolean }): MessagingAction[] => {
  if (!facts.stillOpen) return [];
  const { practiceId, invitationId, email } = given.event.data;
  return [queue(given.eventId, 'practice-invitation', practiceId, email, { invitationId }, given.occurredAt)];
};

// ---- Appointment reminders ---------------------------------------------------------------------

export const DEFAULT_REMINDER_LEAD_HOURS = 24;

/**
 * A booked (or moved) appointment sets its reminder timer `leadHours` before it starts (a past appointment sets
 * none). `practiceId`: the practice of the chart (in the event's metadata).
 */
export const reminderOnBooking = (
  given: Recorded<AppointmentBooked | AppointmentRescheduled>,
  facts: { readonly practiceId: string; readonly leadHours: number; readonly now: string },
): MessagingAction[] => {
  const { chartId, appointmentId, start } = given.event.data;
  if (Date.parse(start) <= Date.parse(facts.now)) {
    // Moved into the past: its reminder has nothing left to remind of.
    return given.event.type === 'AppointmentRescheduled' ? [{ kind: 'cancelTimer', name: reminderTimerName(appointmentId), reason: 'appointment moved into the past' }] : [];
  }
  const dueAt = new Date(Date.parse(start) - facts.leadHours * 3_600_000).toISOString();
  return [{ kind: 'setTimer', name: reminderTimerName(appointmentId), dueAt, subject: { practiceId: facts.practiceId, chartId, appointmentId, appointmentStart: start } }];
};

const DROPPED_BECAUSE = {
  AppointmentCancelled: 'appointment cancelled',
  AppointmentLateCancelled: 'appointment late-cancelled',
  AppointmentMarkedNoShow: 'appointment marked a no-show',
  AppointmentCompleted: 'appointment completed',
} as const;

/** A cancelled (late or not), missed or already completed appointment drops its reminder. */
export const reminderDropped = (
  given: Recorded<AppointmentCancelled | AppointmentLateCancelled | AppointmentMarkedNoShow | AppointmentCompleted>,
): MessagingAction[] => [{ kind: 'cancelTimer', name: reminderTimerName(given.event.data.appointmentId), reason: DROPPED_BECAUSE[given.event.type] }];

/** Who receives a reminder, as the chart's flags say. A person without an email gets nothing. */
export interface ReminderAudience {
  /** The client's own email (individual or minor chart); null when the chart has none. */
  readonly clientEmail: string | null;
  readonly contacts: readonly { readonly email: string | null; readonly receivesReminders: boolean }[];
  readonly members: readonly { readonly email: string | null; readonly receivesReminders: boolean }[];
}

/** The addresses given, without the missing ones, each once (in any letter case), in their order. */
const eachAddressOnce = (emails: readonly (string | null)[]): string[] => {
  const seen = new Set<string>();
  return emails.filter((email): email is string => email !== null && !seen.has(normalizeEmail(email)) && seen.add(normalizeEmail(email)) !== undefined);
};

export const reminderRecipients = (audience: ReminderAudience): string[] =>
  eachAddressOnce([
    audience.clientEmail,
    ...audience.contacts.filter((c) => c.receivesReminders).map((c) => c.email),
    ...audience.members.filter((m) => m.receivesReminders).map((m) => m.email),
  ]);

/**
 * A fired reminder timer: one reminder to each recipient, if the appointment is still booked at the time
 * the timer was set for and has not started yet (a timer found late by a restarted process still sends).
 */
export const remindersOnTimer = (
  given: Recorded<TimerFired>,
  timer: AppointmentReminderTimer,
  facts: { readonly appointment: { readonly status: string; readonly start: string } | null; readonly audience: ReminderAudience },
): MessagingAction[] => {
  const { appointment } = facts;
  if (appointment === null || appointment.status !== 'booked' || appointment.start !== timer.appointmentStart) return [];
  if (Date.parse(appointment.start) <= Date.parse(given.event.data.firedAt)) return [];
  const refs = { chartId: timer.chartId, appointmentId: timer.appointmentId, appointmentStart: appointment.start };
  return reminderRecipients(facts.audience).map((to) => queue(given.eventId, 'appointment-reminder', timer.practiceId, to, refs, given.event.data.firedAt));
};

// ---- Client Portal invitations -------------------------------------------------------------------

/** Whether a minor's own email is written to, as the chart's portal access says (a chart from before it was kept: `minor`). */
const minorIsReached = (access: 'minor' | 'guardian' | 'both' | 'neither' | null): boolean => (access ?? 'minor') === 'minor' || access === 'both';

/**
 * A portal invitation (or a resend) is emailed to the client; for a minor, to the minor, the guardians
 * or both, as the chart's portal access says (a minor without an email: the guardians alone). `stillPending`: the client has not accepted since.
 */
export const portalInvitationEmails = (
  given: Recorded<PortalInvitationSent>,
  facts: {
    readonly practiceId: string;
    readonly stillPending: boolean;
    /** null: not a minor chart. */
    readonly minorAccess: 'minor' | 'guardian' | 'both' | 'neither' | null;
    readonly guardianEmails: readonly string[];
  },
): MessagingAction[] => {
  if (!facts.stillPending) return [];
  const { chartId, email } = given.event.data;
  const access = facts.minorAccess ?? 'minor';
  const to = [...(email !== null && minorIsReached(access) ? [email] : []), ...(access === 'guardian' || access === 'both' ? facts.guardianEmails : [])];
  return eachAddressOnce(to).map((address) => queue(given.eventId, 'portal-invitation', facts.practiceId, address, { chartId }, given.occurredAt));
};

// ---- Session bridging questionnaires -------------------------------------------------------------

/**
 * After a completed session of a group chart, each member with session bridging on (and an email) gets
 * the practice's between-sessions questionnaire invitation, once.
 */
export const sessionBridgingOnCompletion = (
  given: Recorded<AppointmentCompleted>,
  facts: {
    readonly practiceId: string;
    readonly appointmentStart: string | null;
    readonly members: readonly { readonly email: string | null; readonly receivesSessionBridging: boolean }[];
  },
): MessagingAction[] => {
  const { chartId, appointmentId } = given.event.data;
  const refs = { chartId, appointmentId, ...(facts.appointmentStart ? { appointmentStart: facts.appointmentStart } : {}) };
  return eachAddressOnce(facts.members.filter((m) => m.receivesSessionBridging).map((m) => m.email)).map((to) =>
    queue(given.eventId, 'session-bridging', facts.practiceId, to, refs, given.occurredAt),
  );
};

// ---- Document requests ---------------------------------------------------------------------------

/** Who signs a chart's documents, as the chart says. A person without an email gets nothing. */
export interface DocumentSigners {
  readonly chartKind: 'individual' | 'minor' | 'group';
  /** The client's own email (individual or minor chart); null when the chart has none. */
  readonly clientEmail: string | null;
  /** A minor chart's portal access (null: a chart from before it was kept, which counts as `minor`, as for the portal invitation); ignored on other charts. */
  readonly minorAccess: 'minor' | 'guardian' | 'both' | 'neither' | null;
  readonly contacts: readonly { readonly email: string | null; readonly signsDocuments: boolean }[];
  readonly members: readonly { readonly email: string | null; readonly groupPortalAccess: boolean }[];
}

/**
 * Who signs a chart's documents: on an individual chart, the client; on a minor's, each contact with the
 * `signsDocuments` role, and the minor when the portal access is `minor` or `both`; on a group chart,
 * each member with group portal access. Each address once.
 */
export const documentSignerEmails = (signers: DocumentSigners): string[] => {
  const emails =
    signers.chartKind === 'individual'
      ? [signers.clientEmail]
      : signers.chartKind === 'minor'
        ? [
            ...signers.contacts.filter((c) => c.signsDocuments).map((c) => c.email),
            ...(minorIsReached(signers.minorAccess) ? [signers.clientEmail] : []),
          ]
        : signers.members.filter((m) => m.groupPortalAccess).map((m) => m.email);
  return eachAddressOnce(emails);
};

/**
 * Paperwork requested on a chart is announced to whoever signs the chart's documents, once each. The
 * message names the practice, never the request (its title can be clinical). `stillRequested`: the
 * request is neither completed nor cancelled now (a replay of a closed request sends nothing).
 */
export const documentRequestEmails = (
  given: Recorded<DocumentRequested>,
  facts: { readonly stillRequested: boolean; readonly signers: DocumentSigners },
): MessagingAction[] => {
  if (!facts.stillRequested) return [];
  const { practiceId, chartId } = given.event.data;
  return documentSignerEmails(facts.signers).map((to) => queue(given.eventId, 'document-request', practiceId, to, { chartId }, given.occurredAt));
};
