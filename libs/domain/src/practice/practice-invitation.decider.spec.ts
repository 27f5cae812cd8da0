import type { PracticeEvent } from '@practice/events';
import { deciderSpec } from '../../../../test/support/decider-spec';
import { practiceDecider } from './practice.decider';

const spec = deciderSpec(practiceDecider);
const p = 'p-1';
const owner = { userId: 'u-owner', role: 'owner' as const };
const admin = { userId: 'u-admin', role: 'admin' as const };
const now = '2026-03-01T10:00:00.000Z';
const expiresAt = '2026-03-15T10:00:00.000Z';

const created: PracticeEvent[] = [
  { type: 'PracticeCreated', data: { practiceId: p, name: 'Calm Minds', createdBy: owner.userId } },
  { type: 'PracticeMemberAdded', data: { practiceId: p, userId: owner.userId, role: 'owner' } },
  { type: 'PracticeMemberAdded', data: { practiceId: p, userId: admin.userId, role: 'admin' } },
];
const invited: PracticeEvent = {
  type: 'PracticeMemberInvited',
  data: { practiceId: p, invitationId: 'i-1', email: 'Grace@Example.com', role: 'clinician', expiresAt },
};
const answer = { invitationId: 'i-1', userId: 'u-grace', userEmail: 'grace@example.com', now: '2026-03-02T00:00:00.000Z' };

describe('Practice invitations', () => {
  describe('when no invitation is open for the email', () => {
    it('invites with a role and an expiry time fourteen days ahead', () => {
      spec
        .given(created)
        .when({ type: 'InviteMember', invitationId: 'i-1', email: ' Grace@Example.com ', role: 'clinician', actor: admin, now })
        .then([invited]);
    });

    it('refuses a malformed email, and an owner invitation from an admin', () => {
      spec.given(created).when({ type: 'InviteMember', invitationId: 'i-1', email: 'grace', role: 'clinician', actor: admin, now }).thenThrows('InvalidEmail', 'email');
      spec.given(created).when({ type: 'InviteMember', invitationId: 'i-1', email: 'g@x.co', role: 'owner', actor: admin, now }).thenThrows('OnlyOwnersManageOwners');
    });
  });

  describe('when an invitation is pending', () => {
    it('refuses a second one for the same email in any case, until the first expires', () => {
      spec.given([...created, invited]).when({ type: 'InviteMember', invitationId: 'i-2', email: 'GRACE@example.com', role: 'biller', actor: admin, now }).thenThrows('InvitationAlreadyPending', 'email');
      spec
        .given([...created, invited])
        .when({ type: 'InviteMember', invitationId: 'i-2', email: 'grace@example.com', role: 'biller', actor: admin, now: expiresAt })
        .then([{ type: 'PracticeMemberInvited', data: { practiceId: p, invitationId: 'i-2', email: 'grace@example.com', role: 'biller', expiresAt: '2026-03-29T10:00:00.000Z' } }]);
    });

    it('lets the invitee with the same login email accept: they become a member with the role', () => {
      spec
        .given([...created, invited])
        .when({ type: 'AcceptInvitation', ...answer })
        .then([
          { type: 'PracticeInvitationAccepted', data: { practiceId: p, invitationId: 'i-1', userId: 'u-grace' } },
          { type: 'PracticeMemberAdded', data: { practiceId: p, userId: 'u-grace', role: 'clinician', invitationId: 'i-1' } },
        ]);
    });

    it('hides it from a user with another email', () => {
      spec.given([...created, invited]).when({ type: 'AcceptInvitation', ...answer, userEmail: 'eve@example.com' }).thenThrows('InvitationNotFound');
    });

    it('lets the invitee decline', () => {
      spec
        .given([...created, invited])
        .when({ type: 'DeclineInvitation', ...answer })
        .then([{ type: 'PracticeInvitationDeclined', data: { practiceId: p, invitationId: 'i-1', userId: 'u-grace' } }]);
    });

    it('lets a manager revoke it', () => {
      spec.given([...created, invited]).when({ type: 'RevokeInvitation', invitationId: 'i-1' }).then([{ type: 'PracticeInvitationRevoked', data: { practiceId: p, invitationId: 'i-1' } }]);
    });

    it('refuses an answer at or after its expiry time', () => {
      spec.given([...created, invited]).when({ type: 'AcceptInvitation', ...answer, now: expiresAt }).thenThrows('InvitationExpired');
    });

    it('refuses an invitee who is already a member', () => {
      spec.given([...created, invited]).when({ type: 'AcceptInvitation', ...answer, userId: admin.userId }).thenThrows('AlreadyMember');
    });
  });

  describe('when the invitation was answered or revoked', () => {
    const accepted: PracticeEvent = { type: 'PracticeInvitationAccepted', data: { practiceId: p, invitationId: 'i-1', userId: 'u-grace' } };
    const revoked: PracticeEvent = { type: 'PracticeInvitationRevoked', data: { practiceId: p, invitationId: 'i-1' } };

    it('cannot be accepted or declined again', () => {
      spec.given([...created, invited, revoked]).when({ type: 'AcceptInvitation', ...answer }).thenThrows('InvitationNotPending');
      spec.given([...created, invited, accepted]).when({ type: 'DeclineInvitation', ...answer }).thenThrows('InvitationNotPending');
    });

    it('cannot be revoked after acceptance; revoking twice changes nothing', () => {
      spec.given([...created, invited, accepted]).when({ type: 'RevokeInvitation', invitationId: 'i-1' }).thenThrows('InvitationNotPending');
      spec.given([...created, invited, revoked]).when({ type: 'RevokeInvitation', invitationId: 'i-1' }).then([]);
      spec.given(created).when({ type: 'RevokeInvitation', invitationId: 'i-9' }).thenThrows('InvitationNotFound');
    });
  });
});
