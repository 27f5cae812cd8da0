import type { PracticeEvent } from '@practice/events';
import { deciderSpec } from '../../../../test/support/decider-spec';
import { practiceDecider } from './practice.decider';

const spec = deciderSpec(practiceDecider);
const p = 'p-1';
const owner = { userId: 'u-owner', role: 'owner' as const };
const admin = { userId: 'u-admin', role: 'admin' as const };

const created: PracticeEvent[] = [
  { type: 'PracticeCreated', data: { practiceId: p, name: 'Calm Minds', createdBy: owner.userId } },
  { type: 'PracticeMemberAdded', data: { practiceId: p, userId: owner.userId, role: 'owner' } },
];
const withStaff: PracticeEvent[] = [
  ...created,
  { type: 'PracticeMemberAdded', data: { practiceId: p, userId: admin.userId, role: 'admin' } },
  { type: 'PracticeMemberAdded', data: { practiceId: p, userId: 'u-clin', role: 'clinician' } },
];

describe('Practice memberships', () => {
  describe('when the practice has one owner', () => {
    it('refuses to demote the last owner', () => {
      spec.given(created).when({ type: 'ChangeMemberRole', userId: owner.userId, role: 'admin', actor: owner }).thenThrows('LastOwner');
    });

    it('refuses to let the last owner leave or be removed', () => {
      spec.given(created).when({ type: 'LeavePractice', userId: owner.userId }).thenThrows('LastOwner');
      spec.given(created).when({ type: 'RemoveMember', userId: owner.userId, actor: owner }).thenThrows('LastOwner');
    });

    it('lets an owner make another member owner, after which the first may step down', () => {
      const promoted: PracticeEvent = {
        type: 'PracticeMemberRoleChanged',
        data: { practiceId: p, userId: admin.userId, role: 'owner', previousRole: 'admin' },
      };
      spec.given(withStaff).when({ type: 'ChangeMemberRole', userId: admin.userId, role: 'owner', actor: owner }).then([promoted]);
      spec
        .given([...withStaff, promoted])
        .when({ type: 'ChangeMemberRole', userId: owner.userId, role: 'clinician', actor: owner })
        .then([{ type: 'PracticeMemberRoleChanged', data: { practiceId: p, userId: owner.userId, role: 'clinician', previousRole: 'owner' } }]);
    });
  });

  describe('when an admin manages members', () => {
    it('changes a clinician to a biller', () => {
      spec
        .given(withStaff)
        .when({ type: 'ChangeMemberRole', userId: 'u-clin', role: 'biller', actor: admin })
        .then([{ type: 'PracticeMemberRoleChanged', data: { practiceId: p, userId: 'u-clin', role: 'biller', previousRole: 'clinician' } }]);
    });

    it('may not grant, change or remove the owner role', () => {
      spec.given(withStaff).when({ type: 'ChangeMemberRole', userId: 'u-clin', role: 'owner', actor: admin }).thenThrows('OnlyOwnersManageOwners');
      spec.given(withStaff).when({ type: 'ChangeMemberRole', userId: owner.userId, role: 'admin', actor: admin }).thenThrows('OnlyOwnersManageOwners');
      spec.given(withStaff).when({ type: 'RemoveMember', userId: owner.userId, actor: admin }).thenThrows('OnlyOwnersManageOwners');
    });

    it('removes a member, and says nothing for the same role twice', () => {
      spec
        .given(withStaff)
        .when({ type: 'RemoveMember', userId: 'u-clin', actor: admin })
        .then([{ type: 'PracticeMemberRemoved', data: { practiceId: p, userId: 'u-clin', role: 'clinician', reason: 'removed' } }]);
      spec.given(withStaff).when({ type: 'ChangeMemberRole', userId: 'u-clin', role: 'clinician', actor: admin }).then([]);
    });

    it('answers MemberNotFound for someone who is not a member (or no longer is)', () => {
      const removed: PracticeEvent = { type: 'PracticeMemberRemoved', data: { practiceId: p, userId: 'u-clin', role: 'clinician', reason: 'removed' } };
      spec.given([...withStaff, removed]).when({ type: 'RemoveMember', userId: 'u-clin', actor: admin }).thenThrows('MemberNotFound');
      spec.given(withStaff).when({ type: 'ChangeMemberRole', userId: 'u-nobody', role: 'biller', actor: admin }).thenThrows('MemberNotFound');
    });
  });

  describe('when a member leaves', () => {
    it('records that they left', () => {
      spec
        .given(withStaff)
        .when({ type: 'LeavePractice', userId: 'u-clin' })
        .then([{ type: 'PracticeMemberRemoved', data: { practiceId: p, userId: 'u-clin', role: 'clinician', reason: 'left' } }]);
    });
  });

  describe('when the practice does not exist', () => {
    it('answers PracticeNotFound to every command', () => {
      spec.given([]).when({ type: 'RenamePractice', name: 'X' }).thenThrows('PracticeNotFound');
      spec.given([]).when({ type: 'LeavePractice', userId: 'u' }).thenThrows('PracticeNotFound');
    });
  });
});

describe('Practice name and settings', () => {
  it('renames, trimming, and does nothing for the same name', () => {
    spec.given(created).when({ type: 'RenamePractice', name: ' Calmer Minds ' }).then([{ type: 'PracticeRenamed', data: { practiceId: p, name: 'Calmer Minds' } }]);
    spec.given(created).when({ type: 'RenamePractice', name: 'Calm Minds' }).then([]);
    spec.given(created).when({ type: 'RenamePractice', name: '  ' }).thenThrows('NameRequired', 'name');
  });

  // The seed: a private-pay practice can remove the legal Sex field from its portal intake, so the
  // intake asks for it until the practice turns the toggle off.
  it('turns off "Request Client\'s Legal Sex Designation" (on by default)', () => {
    spec
      .given(created)
      .when({ type: 'ChangePracticeSettings', settings: { requestClientLegalSexDesignation: false } })
      .then([{ type: 'PracticeSettingsChanged', data: { practiceId: p, settings: { requestClientLegalSexDesignation: false } } }]);
    spec.given(created).when({ type: 'ChangePracticeSettings', settings: { requestClientLegalSexDesignation: true } }).then([]);
  });
});
