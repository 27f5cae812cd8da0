import type { DailyDigestTimer, DigestPractice, MessageKind, NotificationPreferences, TimerFired } from '@practice/events';
import { isTimeZone, localDateOf, nextLocalTime } from '../shared/time-zone';
import type { MessagingAction, Recorded } from './message-workflows';

/**
 * "Daily Digest & Payments": one email a day to each user with that category on, at 07:00 in the user's
 * time zone, summing up each of their practices in counts. One durable timer per user (a `timer-<id>`
 * stream whose id is a UUID of `daily-digest|<userId>`), always armed while the user exists: the switch
 * is read when the timer fires (and again when the message is sent), so switching it on needs nothing set.
 */
export const DIGEST_HOUR = 7;
export const DEFAULT_TIME_ZONE = 'UTC';

export const digestTimerName = (userId: string): string => `daily-digest|${userId}`;

/** The message's name: the user and the local date, so a replay or a restart never sends two digests for a day. */
export const digestMessageName = (userId: string, localDate: string): string => `daily-digest|${userId}|${localDate}`;

/** The zone a user's digest follows: their own, else their practice's (selected, else first joined), else UTC. */
export const digestTimeZone = (userTimeZone: string | null, practiceTimeZone: string | null | undefined): string => {
  if (userTimeZone !== null && isTimeZone(userTimeZone)) return userTimeZone;
  if (practiceTimeZone && isTimeZone(practiceTimeZone)) return practiceTimeZone;
  return DEFAULT_TIME_ZONE;
};

/** The digest timer at the next 07:00 after `after` in `timeZone` (set again, it moves: one timer per user). */
export const digestTimerAt = (userId: string, after: string, timeZone: string): MessagingAction => {
  const next = nextLocalTime(after, DIGEST_HOUR, timeZone);
  return { kind: 'setDigestTimer', name: digestTimerName(userId), dueAt: next.at, subject: { userId, localDate: next.localDate, timeZone } };
};

/**
 * Arms (or moves) a user's digest timer when what decides its time changes: the user signs up, changes
 * their time zone, joins a practice (whose zone they may follow now). `user`: null when the user is gone.
 */
export const digestTimerOnChange = (facts: { readonly userId: string; readonly exists: boolean; readonly timeZone: string; readonly now: string }): MessagingAction[] =>
  facts.exists ? [digestTimerAt(facts.userId, facts.now, facts.timeZone)] : [];

/** Whether a digest has anything to say: a count above zero or a payment, in any practice. */
export const digestHasNews = (practices: readonly DigestPractice[]): boolean =>
  practices.some(
    (p) => p.appointmentsToday + p.overdueTasks + p.notesAwaitingSignature + p.newClients > 0 || (p.payments ?? []).some((payment) => payment.count > 0),
  );

export interface DigestRecipient {
  readonly email: string;
  readonly dailyDigestAndPayments: boolean;
  /** The zone the user's digest follows now (digestTimeZone). */
  readonly timeZone: string;
}

/**
 * The digest timer fired. It is always set again for the next morning (in the user's zone as it is now).
 * The digest is queued when the user still has the category on, the timer's day is still today where
 * the user is (a timer found a day late, the process being down, sends nothing for a past day) and there
 * is something to say; its id comes from the user and that day.
 */
export const dailyDigestOnTimer = (
  given: Recorded<TimerFired>,
  timer: DailyDigestTimer,
  facts: { readonly user: DigestRecipient | null; readonly practices: readonly DigestPractice[] },
): MessagingAction[] => {
  const { user } = facts;
  if (user === null) return [];
  const { firedAt, dueAt } = given.event.data;
  const after = Date.parse(firedAt) > Date.parse(dueAt) ? firedAt : dueAt;
  const rearm = digestTimerAt(timer.userId, after, user.timeZone);
  const today = localDateOf(firedAt, timer.timeZone) === timer.localDate;
  if (!user.dailyDigestAndPayments || !today || !digestHasNews(facts.practices)) return [rearm];
  const digest: MessagingAction = {
    kind: 'queue',
    name: digestMessageName(timer.userId, timer.localDate),
    message: {
      kind: 'daily-digest',
      practiceId: null,
      to: user.email,
      refs: { userId: timer.userId, localDate: timer.localDate, timeZone: timer.timeZone, digest: [...facts.practices] },
      dueAt: firedAt,
    },
  };
  return [digest, rearm];
};

/** The user category a message belongs to (its switch is honoured), or null for a transactional message. */
export const userCategoryOf = (kind: MessageKind): keyof Pick<NotificationPreferences, 'dailyDigestAndPayments' | 'productUpdatesAndTips'> | null =>
  kind === 'daily-digest' ? 'dailyDigestAndPayments' : kind === 'product-update' ? 'productUpdatesAndTips' : null;
