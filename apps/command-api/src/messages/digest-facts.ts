import { addDays, hasPermission, instantOfLocal, type DigestRecipient, type ProductUpdateRecipient } from '@practice/domain';
import type { DigestPractice } from '@practice/events';
import type { ReadStore } from '@practice/read-store';
import {
  CLIENTS,
  LEDGERS,
  NOTES,
  PRACTITIONER_APPOINTMENTS,
  TASKS,
  USER_PRACTICES,
  USER_PROFILES,
  type ClientListDocument,
  type LedgerDocument,
  type NoteDocument,
  type PractitionerAppointmentDocument,
  type TaskDocument,
  type UserPracticeDocument,
  type UserProfileDocument,
} from '@practice/read-models';
import { digestTimeZoneOf } from '../me/time-zone';

/**
 * The facts of the daily digest and of product updates, looked up in the read models. Counts only:
 * nothing here leaves with a client's name or anything clinical.
 */
export class DigestFacts {
  constructor(private readonly readStore: ReadStore) {}

  private profile(userId: string): Promise<UserProfileDocument | null> {
    return this.readStore.collection<UserProfileDocument>(USER_PROFILES).get(userId);
  }

  /** The zone a user's digest follows now, or null when the user does not exist. */
  async timeZone(userId: string): Promise<string | null> {
    const user = await this.profile(userId);
    return user === null ? null : digestTimeZoneOf(this.readStore, userId, user.timeZone ?? null);
  }

  async recipient(userId: string): Promise<DigestRecipient | null> {
    const user = await this.profile(userId);
    if (user === null) return null;
    return { email: user.email, dailyDigestAndPayments: user.notifications.dailyDigestAndPayments, timeZone: await digestTimeZoneOf(this.readStore, userId, user.timeZone ?? null) };
  }

  /**
   * Each practice the user is an active member of, for the local day `localDate` in `timeZone`: their
   * appointments as practitioner today (booked or completed), the practice's overdue tasks (roles with
   * `tasks:write`), their notes awaiting their signature, the clients created yesterday, and yesterday's
   * payments by currency (roles with `billing:read`; null otherwise).
   */
  async practices(userId: string, localDate: string, timeZone: string): Promise<DigestPractice[]> {
    const memberships = await this.readStore.collection<UserPracticeDocument>(USER_PRACTICES).find({ userId, status: 'active' }, { sort: { joinedAt: 1, _id: 1 }, limit: 200 });
    const today = instantOfLocal(localDate, 0, 0, timeZone);
    const tomorrow = instantOfLocal(addDays(localDate, 1), 0, 0, timeZone);
    const yesterdayDate = addDays(localDate, -1);
    const yesterday = instantOfLocal(yesterdayDate, 0, 0, timeZone);
    return Promise.all(
      memberships.map(async ({ practiceId, role }) => ({
        practiceId,
        appointmentsToday: await this.readStore
          .collection<PractitionerAppointmentDocument>(PRACTITIONER_APPOINTMENTS)
          .count({ practiceId, practitionerId: userId, status: { $in: ['booked', 'completed'] }, start: { $gte: today, $lt: tomorrow } }),
        overdueTasks: hasPermission(role, 'tasks:write') ? await this.readStore.collection<TaskDocument>(TASKS).count({ openPracticeId: practiceId, dueDate: { $lt: localDate } }) : 0,
        notesAwaitingSignature: await this.readStore.collection<NoteDocument>(NOTES).count({ practiceId, awaitingSignature: true, authorUserId: userId }),
        newClients: await this.readStore
          .collection<ClientListDocument>(CLIENTS)
          .count({ practiceId, kind: { $in: ['individual', 'minor'] }, createdAt: { $gte: yesterday, $lt: today } }),
        payments: hasPermission(role, 'billing:read') ? await this.payments(practiceId, yesterdayDate) : null,
      })),
    );
  }

  private async payments(practiceId: string, date: string): Promise<NonNullable<DigestPractice['payments']>> {
    const ledgers = await this.readStore.collection<LedgerDocument>(LEDGERS).find({ practiceId, 'payments.date': date }, { limit: 10_000 });
    const byCurrency = new Map<string, { count: number; total: number }>();
    for (const payment of ledgers.flatMap((ledger) => ledger.payments).filter((p) => p.date === date)) {
      const sum = byCurrency.get(payment.currency) ?? { count: 0, total: 0 };
      byCurrency.set(payment.currency, { count: sum.count + 1, total: sum.total + payment.amount });
    }
    return [...byCurrency].map(([currency, sum]) => ({ currency, ...sum }));
  }

  /** The users who are active members of a practice. */
  async activeMemberIds(practiceId: string): Promise<string[]> {
    const members = await this.readStore.collection<UserPracticeDocument>(USER_PRACTICES).find({ practiceId, status: 'active' }, { sort: { _id: 1 }, limit: 10_000 });
    return members.map((m) => m.userId);
  }

  /** Every user, with their product updates switch (the workflow keeps those with it on). */
  async productUpdateRecipients(): Promise<ProductUpdateRecipient[]> {
    const users = await this.readStore.collection<UserProfileDocument>(USER_PROFILES).find({ 'notifications.productUpdatesAndTips': true }, { sort: { _id: 1 }, limit: 1_000_000 });
    return users.map((u) => ({ userId: u.userId, email: u.email, productUpdatesAndTips: u.notifications.productUpdatesAndTips }));
  }
}
