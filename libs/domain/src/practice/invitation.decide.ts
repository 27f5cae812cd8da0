import type { PracticeEvent } from '@practice/events';
import { DomainError } from '../shared/domain-error';
import { assertEmailAddress, normalizeEmail } from '../shared/email-address';
import type { AcceptInvitation, DeclineInvitation, InviteMember, RevokeInvitation } from './practice.commands';
import type { ActivePractice, Invitation } from './practice.state';
import { assertMayGrant } from './membership.decide';

/** How long an invitation stays open; the expiry time is written into the invitation event. */
export const INVITATION_TTL_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export const invitationNotFound = (): DomainError =>
  new DomainError('InvitationNotFound', 'not_found', 'No such invitation');

export const isExpired = (invitation: Invitation, now: string): boolean =>
  Date.parse(now) >= Date.parse(invitation.expiresAt);

/** What a reader sees: a pending invitation past its time is expired, though no event said so. */
export const invitationStatusAt = (invitation: Invitation, now: string): Invitation['status'] | 'expired' =>
  invitation.status === 'pending' && isExpired(invitation, now) ? 'expired' : invitation.status;

export const inviteMember = (command: InviteMember, practice: ActivePractice): PracticeEvent[] => {
  const email = assertEmailAddress(command.email);
  assertMayGrant(command.actor, command.role);
  const open = Object.values(practice.invitations).some(
    (invitation) =>
      invitation.status === 'pending' &&
      !isExpired(invitation, command.now) &&
      normalizeEmail(invitation.email) === normalizeEmail(email),
  );
  if (open) {
    throw new DomainError('InvitationAlreadyPending', 'conflict', 'This email already has an open invitation', [
      { field: 'email', message: 'already has an open invitation to this practice' },
    ]);
  }
  const expiresAt = new Date(Date.parse(command.now) + INVITATION_TTL_DAYS * DAY_MS).toISOString();
  return [
    {
      type: 'PracticeMemberInvited',
      data: { practiceId: practice.practiceId, invitationId: command.invitationId, email, role: command.role, expiresAt },
    },
  ];
};

/**
 * The invitation an invitee may answer: it exists and was sent to their login email (to anyone else
 * it does not exist), it is still pending and not past its time.
 */
const answerable = (command: AcceptInvitation | DeclineInvitation, practice: ActivePractice): Invitation => {
  const invitation = practice.invitations[command.invitationId];
  if (!invitation || normalizeEmail(invitation.email) !== normalizeEmail(command.userEmail)) throw invitationNotFound();
  if (invitation.status !== 'pending') {
    throw new DomainError('InvitationNotPending', 'conflict', `This invitation was ${invitation.status}`, [], {
      invitationStatus: invitation.status,
    });
  }
  if (isExpired(invitation, command.now)) {
    throw new DomainError('InvitationExpired', 'conflict', 'This invitation has expired', [], { expiresAt: invitation.expiresAt });
  }
  return invitation;
};

export const acceptInvitation = (command: AcceptInvitation, practice: ActivePractice): PracticeEvent[] => {
  const invitation = answerable(command, practice);
  if (practice.members[command.userId]) {
    throw new DomainError('AlreadyMember', 'conflict', 'You are already a member of this practice');
  }
  const { practiceId } = practice;
  const { invitationId, userId } = command;
  return [
    { type: 'PracticeInvitationAccepted', data: { practiceId, invitationId, userId } },
    { type: 'PracticeMemberAdded', data: { practiceId, userId, role: invitation.role, invitationId } },
  ];
};

export const declineInvitation = (command: DeclineInvitation, practice: ActivePractice): PracticeEvent[] => {
  answerable(command, practice);
  const { invitationId, userId } = command;
  return [{ type: 'PracticeInvitationDeclined', data: { practiceId: practice.practiceId, invitationId, userId } }];
};

export const revokeInvitation = (command: RevokeInvitation, practice: ActivePractice): PracticeEvent[] => {
  const invitation = practice.invitations[command.invitationId];
  if (!invitation) throw invitationNotFound();
  if (invitation.status === 'revoked') return [];
  if (invitation.status !== 'pending') {
    throw new DomainError('InvitationNotPending', 'conflict', `This invitation was ${invitation.status}`, [], {
      invitationStatus: invitation.status,
    });
  }
  return [{ type: 'PracticeInvitationRevoked', data: { practiceId: practice.practiceId, invitationId: invitation.invitationId } }];
};
