import type { UserEvent, UserSignedUp } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertEmailAddress } from '../shared/email-address';
import { assertPersonName } from '../shared/person-name';
import type { SignUp, UserCommand } from './user.commands';
import { evolve, initialState, type RegisteredUser, type UserState } from './user.state';
import {
  changeEmail,
  changeName,
  changeNotificationPreferences,
  changeTimeZone,
  clearLegalName,
  setLegalName,
  switchPractice,
  updateClinicalInfo,
} from './user-profile.decide';
import { changePassword, disableTwoFactor, enableTwoFactor, recordSignIn, recordSignInFailure } from './user-security.decide';

export type { UserCommand } from './user.commands';
export { evolve, initialState, defaultNotifications, emptyClinicalInfo } from './user.state';
export type { UserState, RegisteredUser } from './user.state';

export const userNotFound = (): DomainError => new DomainError('UserNotFound', 'not_found', 'No such user');

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

const decideForRegistered = (command: Exclude<UserCommand, SignUp>, user: RegisteredUser): UserEvent[] => {
  switch (command.type) {
    case 'ChangeName':
      return changeName(command, user);
    case 'ChangeEmail':
      return changeEmail(command, user);
    case 'SetLegalName':
      return setLegalName(command, user);
    case 'ClearLegalName':
      return clearLegalName(user);
    case 'UpdateClinicalInfo':
      return updateClinicalInfo(command, user);
    case 'ChangeNotificationPreferences':
      return changeNotificationPreferences(command, user);
    case 'SwitchPractice':
      return switchPractice(command, user);
    case 'RecordSignIn':
      return recordSignIn(command, user);
    case 'RecordSignInFailure':
      return recordSignInFailure(command, user);
    case 'ChangePassword':
      return changePassword(command, user);
    case 'EnableTwoFactor':
      return enableTwoFactor(command, user);
    case 'DisableTwoFactor':
      return disableTwoFactor(command, user);
    case 'ChangeTimeZone':
      return changeTimeZone(command, user);
    default:
      return assertNever(command);
  }
};

export const decide = (command: UserCommand, state: UserState): UserEvent[] => {
  if (command.type === 'SignUp') return signUp(command, state);
  if (state.status !== 'registered') throw userNotFound();
  return decideForRegistered(command, state);
};

export const userDecider: Decider<UserCommand, UserState, UserEvent> = { decide, evolve, initialState };
