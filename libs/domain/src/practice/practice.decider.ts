import type { PracticeEvent, PracticeRole } from '../../../events/src/practice.events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError, invalid } from '../shared/domain-error';

export interface Membership {
  readonly userId: string;
  readonly role: PracticeRole;
}

export type PracticeState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly practiceId: string;
      readonly name: string;
      readonly members: Readonly<Record<string, Membership>>;
    };

export interface CreatePractice {
  readonly type: 'CreatePractice';
  readonly practiceId: string;
  readonly name: string;
  readonly ownerUserId: string;
}

export type PracticeCommand = CreatePractice;

export const practiceNotFound = (): DomainError =>
  new DomainError('PracticeNotFound', 'not_found', 'No such practice');

const assertPracticeName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw invalid('NameRequired', 'name', 'must not be empty');
  if (trimmed.length > 200) throw invalid('NameTooLong', 'name', 'must be at most 200 characters');
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

export const decide = (command: PracticeCommand, state: PracticeState): PracticeEvent[] => {
  switch (command.type) {
    case 'CreatePractice':
      return createPractice(command, state);
    default:
      return assertNever(command.type);
  }
};

export const evolve = (state: PracticeState, event: PracticeEvent): PracticeState => {
  switch (event.type) {
    case 'PracticeCreated':
      return { status: 'active', practiceId: event.data.practiceId, name: event.data.name, members: {} };
    case 'PracticeMemberAdded':
      if (state.status !== 'active') return state;
      return {
        ...state,
        members: { ...state.members, [event.data.userId]: { userId: event.data.userId, role: event.data.role } },
      };
    default:
      return assertNever(event);
  }
};

export const initialState = (): PracticeState => ({ status: 'none' });

export const practiceDecider: Decider<PracticeCommand, PracticeState, PracticeEvent> = {
  decide,
  evolve,
  initialState,
};

/** The caller's membership, or undefined when the practice does not exist or they are not a member. */
export const membershipOf = (state: PracticeState, userId: string): Membership | undefined =>
  state.status === 'active' ? state.members[userId] : undefined;
