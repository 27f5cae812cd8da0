import type { RecordedEvent, PracticeMemberInvited, PracticeRole } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { normalizeEmail } from '@practice/domain';
import { defineProjection } from '../projection';

export const PRACTICE_INVITATIONS = 'practice_invitations';

/**
 * Invitations of a practice (for its managers) and of an email (for the invitee, and to find the
 * practice of an invitation id). Expiry is not an event: readers compare `expiresAt` with their clock.
 */
export interface PracticeInvitationDocument extends ReadDocument {
  readonly invitationId: string;
  readonly practiceId: string;
  readonly email: string;
  readonly emailKey: string;
  readonly role: PracticeRole;
  readonly expiresAt: string;
  readonly status: 'pending' | 'accepted' | 'declined' | 'revoked';
  readonly invitedAt: string;
  readonly invitedBy: string | null;
  readonly answeredAt: string | null;
}

const answered = (status: PracticeInvitationDocument['status']) => (doc: PracticeInvitationDocument | null, event: RecordedEvent) =>
  doc && { ...doc, status, answeredAt: event.metadata.occurredAt };

export const practiceInvitationProjection = defineProjection<PracticeInvitationDocument>({
  name: PRACTICE_INVITATIONS,
  indexes: [
    { name: 'practice_invited', keys: { practiceId: 1, invitedAt: 1 } },
    { name: 'email_status', keys: { emailKey: 1, status: 1 } },
    // The invitee's list, in the order sent: a page reads its own rows in order.
    { name: 'email_invited', keys: { emailKey: 1, invitedAt: 1, _id: 1 } },
  ],
  documentIds: (event) => [(event.data as { invitationId: string }).invitationId],
  handlers: {
    PracticeMemberInvited: (_doc, event, id) => {
      const { practiceId, invitationId, email, role, expiresAt } = (event as RecordedEvent & PracticeMemberInvited).data;
      return {
        _id: id,
        invitationId,
        practiceId,
        email,
        emailKey: normalizeEmail(email),
        role,
        expiresAt,
        status: 'pending',
        invitedAt: event.metadata.occurredAt,
        invitedBy: event.metadata.actorUserId,
        answeredAt: null,
      };
    },
    PracticeInvitationAccepted: answered('accepted'),
    PracticeInvitationDeclined: answered('declined'),
    PracticeInvitationRevoked: answered('revoked'),
  },
});
