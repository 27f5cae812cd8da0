import type { PracticeEvent, PracticeRole } from '@practice/events';
import { DomainError } from '../shared/domain-error';
import type { Actor, ChangeMemberRole, LeavePractice, RemoveMember } from './practice.commands';
import { ownerCount, type ActivePractice, type Membership } from './practice.state';

export const memberNotFound = (): DomainError => new DomainError('MemberNotFound', 'not_found', 'No such member');

const lastOwner = (): DomainError =>
  new DomainError('LastOwner', 'conflict', 'A practice must keep at least one owner: make someone else owner first');

/** Only an owner makes someone an owner, or changes or removes an owner. */
export const assertMayGrant = (actor: Actor, role: PracticeRole): void => {
  if (role === 'owner' && actor.role !== 'owner') {
    throw new DomainError('OnlyOwnersManageOwners', 'forbidden', 'Only an owner can grant or change the owner role');
  }
};

const memberOf = (practice: ActivePractice, userId: string): Membership => {
  const member = practice.members[userId];
  if (!member) throw memberNotFound();
  return member;
};

const assertNotLastOwner = (practice: ActivePractice, member: Membership): void => {
  if (member.role === 'owner' && ownerCount(practice) <= 1) throw lastOwner();
};

export const changeMemberRole = (command: ChangeMemberRole, practice: ActivePractice): PracticeEvent[] => {
  const member = memberOf(practice, command.userId);
  if (member.role === command.role) return [];
  assertMayGrant(command.actor, member.role);
  assertMayGrant(command.actor, command.role);
  assertNotLastOwner(practice, member);
  return [
    {
      type: 'PracticeMemberRoleChanged',
      data: { practiceId: practice.practiceId, userId: member.userId, role: command.role, previousRole: member.role },
    },
  ];
};

export const removeMember = (command: RemoveMember, practice: ActivePractice): PracticeEvent[] => {
  const member = memberOf(practice, command.userId);
  assertMayGrant(command.actor, member.role);
  assertNotLastOwner(practice, member);
  const reason = command.actor.userId === member.userId ? 'left' : 'removed';
  return [{ type: 'PracticeMemberRemoved', data: { practiceId: practice.practiceId, userId: member.userId, role: member.role, reason } }];
};

export const leavePractice = (command: LeavePractice, practice: ActivePractice): PracticeEvent[] => {
  const member = memberOf(practice, command.userId);
  assertNotLastOwner(practice, member);
  return [{ type: 'PracticeMemberRemoved', data: { practiceId: practice.practiceId, userId: member.userId, role: member.role, reason: 'left' } }];
};
