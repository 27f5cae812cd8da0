import type { PracticeEvent } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError, invalid } from '../shared/domain-error';
import { acceptInvitation, declineInvitation, inviteMember, revokeInvitation } from './invitation.decide';
import { changeMemberRole, leavePractice, removeMember } from './membership.decide';
import { assertMoney } from '../shared/money';
import type { ChangePracticeSettings, CreatePractice, PracticeCommand, RenamePractice } from './practice.commands';
import { evolve, initialState, type ActivePractice, type Membership, type PracticeState } from './practice.state';
import { characterCount } from '../shared/unicode-text';

export type * from './practice.commands';
export { evolve, initialState, defaultPracticeSettings } from './practice.state';
export type { Membership, PracticeState, ActivePractice, Invitation } from './practice.state';

export const practiceNotFound = (): DomainError =>
  new DomainError('PracticeNotFound', 'not_found', 'No such practice');

const assertPracticeName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw invalid('NameRequired', 'name', 'must not be empty');
  if (characterCount(trimmed) > 200) throw invalid('NameTooLong', 'name', 'must be at most 200 characters');
  return trimmed;
};

const createPractice = (command: CreatePractice, state: PracticeState): PracticeEvent[] => {
  if (state.status !== 'none') {
    throw new DomainError('PracticeAlreadyExists', 'conflict', 'This practice already exists');
  }
  const { practiceId, ownerUserId } = command;
  return [
    { type: 'PracticeCreated', data: { practiceId, name: assertPracticeName(command.name), createdBy: ownerUserId } },
    // The creator is the first owner: a practice is never without one.
    { type: 'PracticeMemberAdded', data: { practiceId, userId: ownerUserId, role: 'owner' } },
  ];
};

const renamePractice = (command: RenamePractice, practice: ActivePractice): PracticeEvent[] => {
  const name = assertPracticeName(command.name);
  if (name === practice.name) return [];
  return [{ type: 'PracticeRenamed', data: { practiceId: practice.practiceId, name } }];
};

const changeSettings = (command: ChangePracticeSettings, practice: ActivePractice): PracticeEvent[] => {
  // Late-cancel and no-show fees: money in minor units of an ISO 4217 currency.
  for (const fee of ['lateCancelFee', 'noShowFee'] as const) {
    const money = command.settings[fee];
    if (money !== undefined) assertMoney(money, fee);
  }
  const defined = Object.fromEntries(
    Object.entries(command.settings)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, typeof value === 'object' && value !== null ? { ...value } : value]),
  );
  const settings = { ...practice.settings, ...defined };
  if (JSON.stringify(settings) === JSON.stringify(practice.settings)) return [];
  return [{ type: 'PracticeSettingsChanged', data: { practiceId: practice.practiceId, settings } }];
};

const decideForActive = (command: Exclude<PracticeCommand, CreatePractice>, practice: ActivePractice): PracticeEvent[] => {
  switch (command.type) {
    case 'RenamePractice':
      return renamePractice(command, practice);
    case 'ChangePracticeSettings':
      return changeSettings(command, practice);
    case 'InviteMember':
      return inviteMember(command, practice);
    case 'AcceptInvitation':
      return acceptInvitation(command, practice);
    case 'DeclineInvitation':
      return declineInvitation(command, practice);
    case 'RevokeInvitation':
      return revokeInvitation(command, practice);
    case 'ChangeMemberRole':
      return changeMemberRole(command, practice);
    case 'RemoveMember':
      return removeMember(command, practice);
    case 'LeavePractice':
      return leavePractice(command, practice);
    default:
      return assertNever(command);
  }
};

export const decide = (command: PracticeCommand, state: PracticeState): PracticeEvent[] => {
  if (command.type === 'CreatePractice') return createPractice(command, state);
  if (state.status !== 'active') throw practiceNotFound();
  return decideForActive(command, state);
};

export const practiceDecider: Decider<PracticeCommand, PracticeState, PracticeEvent> = {
  decide,
  evolve,
  initialState,
};

/** The caller's membership, or undefined when the practice does not exist or they are not a member. */
export const membershipOf = (state: PracticeState, userId: string): Membership | undefined =>
  state.status === 'active' ? state.members[userId] : undefined;
