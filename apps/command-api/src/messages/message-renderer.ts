import type { MessageState } from '@practice/domain';
import type { EventStore } from '@practice/event-store';
import { productUpdateStream, type ProductUpdatePublished } from '@practice/events';
import type { ReadStore } from '@practice/read-store';
import {
  CHARTS,
  PRACTICE_INVITATIONS,
  PRACTICE_PROFILES,
  USER_PROFILES,
  type ChartDocument,
  type PracticeInvitationDocument,
  type PracticeProfileDocument,
  type UserProfileDocument,
} from '@practice/read-models';
import { digestSummary } from './digest-summary';
import type { OutgoingMail } from './message-transport';
import { MessageLinks, PORTAL_LINK_TTL_SECONDS } from './message-links';
import { renderTemplate } from './templates';

type Queued = Exclude<MessageState, { status: 'none' }>;

/** "Thursday, 5 March 2026, 15:00 UTC": the appointment time is the only detail of care a message holds. */
export const formatTime = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';

/** A message whose subject no longer exists (the practice, the invitation) cannot be rendered: it is refused. */
export class NotRenderable extends Error {}

/**
 * Renders a message when it is sent, from its kind and refs and the read models: the practice's name,
 * the invitation's role and expiry, the appointment time. Links are signed here, never stored.
 */
export class MessageRenderer {
  constructor(
    private readonly readStore: ReadStore,
    private readonly links: MessageLinks,
    private readonly from: string,
    /** Where a product update's text is read (its stream). */
    private readonly events?: EventStore,
  ) {}

  async render(message: Queued, now: Date): Promise<OutgoingMail> {
    const practice = message.practiceId === null ? null : await this.readStore.collection<PracticeProfileDocument>(PRACTICE_PROFILES).get(message.practiceId);
    const practiceName = practice?.name ?? 'your practice';
    const values = await this.valuesFor(message, practiceName, now);
    const parts = renderTemplate(message.kind, values);
    return { messageId: message.messageId, from: this.from, to: message.to, ...parts };
  }

  private async valuesFor(message: Queued, practiceName: string, now: Date): Promise<Record<string, string>> {
    const { refs } = message;
    switch (message.kind) {
      case 'practice-invitation': {
        const invitation = await this.readStore.collection<PracticeInvitationDocument>(PRACTICE_INVITATIONS).get(refs.invitationId ?? '');
        if (!invitation || message.practiceId === null) throw new NotRenderable('the invitation no longer exists');
        const link = this.links.url({ kind: 'practice-invitation', practiceId: message.practiceId, invitationId: invitation.invitationId }, new Date(invitation.expiresAt));
        return { practiceName, role: invitation.role, link, expiresAt: formatTime(invitation.expiresAt) };
      }
      case 'document-request':
        // The practice's name only: a request's title can be clinical.
        return { practiceName };
      case 'appointment-reminder':
      case 'session-bridging':
        return { practiceName, appointmentTime: formatTime(refs.appointmentStart ?? now.toISOString()) };
      case 'portal-invitation': {
        const chart = await this.readStore.collection<ChartDocument>(CHARTS).get(refs.chartId ?? '');
        const sentAt = chart?.portal.lastInvitedAt;
        if (!chart || !sentAt || message.practiceId === null) throw new NotRenderable('the chart no longer exists');
        const expiresAt = new Date(Date.parse(sentAt) + PORTAL_LINK_TTL_SECONDS * 1000);
        const link = this.links.url({ kind: 'portal-invitation', practiceId: message.practiceId, chartId: chart._id, sentAt }, expiresAt);
        return { practiceName, link, expiresAt: formatTime(expiresAt.toISOString()) };
      }
      case 'daily-digest':
        return this.digestValues(message);
      case 'product-update':
        return this.productUpdateValues(message);
    }
  }

  private async recipientName(userId: string | undefined): Promise<string> {
    const user = await this.readStore.collection<UserProfileDocument>(USER_PROFILES).get(userId ?? '');
    if (!user) throw new NotRenderable('the user no longer exists');
    return user.firstName;
  }

  private async digestValues(message: Queued): Promise<Record<string, string>> {
    const { refs } = message;
    const firstName = await this.recipientName(refs.userId);
    const practices = refs.digest ?? [];
    const profiles = await this.readStore.collection<PracticeProfileDocument>(PRACTICE_PROFILES).getMany(practices.map((p) => p.practiceId));
    const names = new Map([...profiles].map(([id, doc]) => [id, doc.name]));
    return { firstName, date: refs.localDate ?? '', timeZone: refs.timeZone ?? 'UTC', summary: digestSummary(practices, names) };
  }

  private async productUpdateValues(message: Queued): Promise<Record<string, string>> {
    const firstName = await this.recipientName(message.refs.userId);
    const events = this.events ? await this.events.readStream(productUpdateStream(message.refs.updateId ?? '')) : [];
    const published = events.find((e) => e.type === 'ProductUpdatePublished') as unknown as ProductUpdatePublished | undefined;
    if (!published) throw new NotRenderable('the product update does not exist');
    return { firstName, subject: published.data.subject, body: published.data.body };
  }
}
