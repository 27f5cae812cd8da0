import { DEFAULT_REMINDER_LEAD_HOURS, type DocumentSigners, type ReminderAudience } from '@practice/domain';
import type { ReadStore } from '@practice/read-store';
import {
  CHARTS,
  CONTACTS,
  DOCUMENT_REQUESTS,
  PRACTICE_INVITATIONS,
  PRACTICE_PROFILES,
  type ChartDocument,
  type ContactDocument,
  type DocumentRequestDocument,
  type PracticeInvitationDocument,
  type PracticeProfileDocument,
} from '@practice/read-models';

/**
 * The facts the message workflows need, looked up in the read models (which have caught up with the
 * event being handled). Pure workflows decide; this only reads.
 */
export class WorkflowFacts {
  constructor(private readonly readStore: ReadStore) {}

  chart(chartId: string): Promise<ChartDocument | null> {
    return this.readStore.collection<ChartDocument>(CHARTS).get(chartId);
  }

  async invitationOpen(invitationId: string, now: Date): Promise<boolean> {
    const invitation = await this.readStore.collection<PracticeInvitationDocument>(PRACTICE_INVITATIONS).get(invitationId);
    return invitation !== null && invitation.status === 'pending' && Date.parse(invitation.expiresAt) > now.getTime();
  }

  /** The practice's reminder lead time (a practice setting; 24 hours unless changed). */
  async reminderLeadHours(practiceId: string): Promise<number> {
    const practice = await this.readStore.collection<PracticeProfileDocument>(PRACTICE_PROFILES).get(practiceId);
    const lead = (practice?.settings as { appointmentReminderLeadHours?: number } | undefined)?.appointmentReminderLeadHours;
    return lead ?? DEFAULT_REMINDER_LEAD_HOURS;
  }

  private async contactEmails(chart: ChartDocument, only: (roles: ChartDocument['contacts'][number]) => boolean) {
    const wanted = chart.contacts.filter(only);
    const docs = await this.readStore.collection<ContactDocument>(CONTACTS).getMany(wanted.map((c) => c.contactId));
    return wanted.map((c) => ({ contact: c, email: docs.get(c.contactId)?.email ?? null }));
  }

  /** Who a chart's reminders can go to: the client, its contacts and, for a group, its members. */
  async reminderAudience(chart: ChartDocument): Promise<ReminderAudience> {
    const contacts = (await this.contactEmails(chart, () => true)).map(({ contact, email }) => ({ email, receivesReminders: contact.roles.receivesReminders }));
    const memberIds = chart.group?.members.map((m) => m.clientId) ?? [];
    const memberCharts = await this.readStore.collection<ChartDocument>(CHARTS).getMany(memberIds);
    const members = (chart.group?.members ?? []).map((m) => ({ email: memberCharts.get(m.clientId)?.profile.email ?? null, receivesReminders: m.receivesReminders }));
    return { clientEmail: chart.kind === 'group' ? null : chart.profile.email, contacts, members };
  }

  /** A group chart's members and whether each has session bridging on. */
  async sessionBridgingMembers(chart: ChartDocument): Promise<{ email: string | null; receivesSessionBridging: boolean }[]> {
    const members = chart.group?.members ?? [];
    const charts = await this.readStore.collection<ChartDocument>(CHARTS).getMany(members.map((m) => m.clientId));
    return members.map((m) => ({ email: charts.get(m.clientId)?.profile.email ?? null, receivesSessionBridging: m.receivesSessionBridging }));
  }

  /** A minor's guardians: the contacts on the minor's chart who have an email. */
  async guardianEmails(chart: ChartDocument): Promise<string[]> {
    return (await this.contactEmails(chart, () => true)).map(({ email }) => email).filter((email): email is string => email !== null);
  }

  /** The request is still `requested` (neither completed nor cancelled since). */
  async documentRequestOpen(requestId: string): Promise<boolean> {
    const request = await this.readStore.collection<DocumentRequestDocument>(DOCUMENT_REQUESTS).get(requestId);
    return request !== null && request.status === 'requested';
  }

  /**
   * Who may sign a chart's documents: the client, a minor's contacts and their roles, a group's members and
   * their portal access (only a minor's contacts and a group's members are read: nobody else signs).
   */
  async documentSigners(chart: ChartDocument): Promise<DocumentSigners> {
    const contacts =
      chart.kind === 'minor' ? (await this.contactEmails(chart, () => true)).map(({ contact, email }) => ({ email, signsDocuments: contact.roles.signsDocuments })) : [];
    const members = chart.kind === 'group' ? (chart.group?.members ?? []) : [];
    const memberCharts = members.length === 0 ? new Map<string, ChartDocument>() : await this.readStore.collection<ChartDocument>(CHARTS).getMany(members.map((m) => m.clientId));
    return {
      chartKind: chart.kind,
      clientEmail: chart.kind === 'group' ? null : chart.profile.email,
      minorAccess: chart.kind === 'minor' ? chart.portal.minorAccess : null,
      contacts,
      members: members.map((m) => ({ email: memberCharts.get(m.clientId)?.profile.email ?? null, groupPortalAccess: m.groupPortalAccess })),
    };
  }
}
