import type { UserEvent } from '@practice/events';
import { DomainError } from '../shared/domain-error';
import { assertEmailAddress } from '../shared/email-address';
import { assertPersonName } from '../shared/person-name';
import { assertTimeZone } from '../shared/time-zone';
import { assertClinicalInfo } from './clinical-info';
import type {
  ChangeEmail,
  ChangeName,
  ChangeNotificationPreferences,
  ChangeTimeZone,
  SetLegalName,
  SwitchPractice,
  UpdateClinicalInfo,
} from './user.commands';
import type { RegisteredUser } from './user.state';

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export const changeName = (command: ChangeName, user: RegisteredUser): UserEvent[] => {
  const firstName = assertPersonName(command.firstName ?? user.firstName, 'firstName');
  const lastName = assertPersonName(command.lastName ?? user.lastName, 'lastName');
  if (firstName === user.firstName && lastName === user.lastName) return [];
  return [{ type: 'UserNameChanged', data: { userId: user.userId, firstName, lastName } }];
};

/** Uniqueness of the login email is the reservation's job; the application claims it before this. */
export const changeEmail = (command: ChangeEmail, user: RegisteredUser): UserEvent[] => {
  const email = assertEmailAddress(command.email);
  if (email === user.email) return [];
  return [{ type: 'UserEmailChanged', data: { userId: user.userId, email, previousEmail: user.email } }];
};

export const setLegalName = (command: SetLegalName, user: RegisteredUser): UserEvent[] => {
  const firstName = assertPersonName(command.firstName, 'firstName');
  const lastName = assertPersonName(command.lastName, 'lastName');
  if (sameJson(user.legalName, { firstName, lastName })) return [];
  return [{ type: 'UserLegalNameSet', data: { userId: user.userId, firstName, lastName } }];
};

export const clearLegalName = (user: RegisteredUser): UserEvent[] =>
  user.legalName === null ? [] : [{ type: 'UserLegalNameCleared', data: { userId: user.userId } }];

export const updateClinicalInfo = (command: UpdateClinicalInfo, user: RegisteredUser): UserEvent[] => {
  const clinicalInfo = assertClinicalInfo(command.clinicalInfo);
  if (sameJson(clinicalInfo, user.clinicalInfo)) return [];
  return [{ type: 'UserClinicalInfoUpdated', data: { userId: user.userId, clinicalInfo } }];
};

export const changeNotificationPreferences = (command: ChangeNotificationPreferences, user: RegisteredUser): UserEvent[] => {
  const defined = Object.fromEntries(Object.entries(command.preferences).filter(([, value]) => value !== undefined));
  const preferences = { ...user.notifications, ...defined };
  if (sameJson(preferences, user.notifications)) return [];
  return [{ type: 'UserNotificationPreferencesChanged', data: { userId: user.userId, preferences } }];
};

/** A switch is recorded every time, even into the selected practice: it is an access, and menus order by it. */
export const switchPractice = (command: SwitchPractice, user: RegisteredUser): UserEvent[] => {
  if (!command.activeMember) {
    throw new DomainError('PracticeNotFound', 'not_found', 'No such practice');
  }
  return [{ type: 'PracticeSwitched', data: { userId: user.userId, practiceId: command.practiceId } }];
};

/** The daily digest's time zone: a name the runtime knows (`timeZone` refused otherwise), or null for the practice's. */
export const changeTimeZone = (command: ChangeTimeZone, user: RegisteredUser): UserEvent[] => {
  const timeZone = command.timeZone === null ? null : assertTimeZone(command.timeZone, 'timeZone');
  if (timeZone === user.timeZone) return [];
  return [{ type: 'UserTimeZoneChanged', data: { userId: user.userId, timeZone } }];
};
