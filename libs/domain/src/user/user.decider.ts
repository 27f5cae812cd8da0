import type { UserEvent, UserSignedUp } from '../../../events/src/user.events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertEmailAddress } from '../shared/email-address';
import { assertPersonName } from '../shared/person-name';

export type UserState =
  | { readonly status: 'none' }
  | {
      readonly status: 'registered';
      readonly userId: string;
      readonly email: string;
      readonly firstName: string;
      readonly lastName: string;
    };

export interface SignUp {
  readonly type: 'SignUp';
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
}

export type UserCommand = SignUp;

const signUp = (command: SignUp, state: UserState): UserSignedUp[] => {
  if (state.status !== 'none') {
    throw new DomainError('UserAlreadyExists', 'conflict', 'This user already exists');
  }
  return [
    {
      type: 'UserSignedUp',
      data: {
        userId: command.userId,
        email: assertEmailAddress(command.email),
        firstName: assertPersonName(command.firstName, 'firstName'),
        lastName: assertPersonName(command.lastName, 'lastName'),
      },
    },
  ];
};

export const decide = (command: UserCommand, state: UserState): UserEvent[] => {
  switch (command.type) {
    case 'SignUp':
      return signUp(command, state);
    default:
      return assertNever(command.type);
  }
};

export const evolve = (state: UserState, event: UserEvent): UserState => {
  switch (event.type) {
    case 'UserSignedUp':
      return { status: 'registered', ...event.data };
    default:
      return assertNever(event.type);
  }
};

export const initialState = (): UserState => ({ status: 'none' });

export const userDecider: Decider<UserCommand, UserState, UserEvent> = { decide, evolve, initialState };
