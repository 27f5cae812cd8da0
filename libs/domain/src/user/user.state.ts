import type { ClinicalInfo, NotificationPreferences, UserEvent } from '@practice/events';
import { assertNever } from '../shared/decider';

export interface RegisteredUser {
  readonly status: 'registered';
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly legalName: { readonly firstName: string; readonly lastName: string } | null;
  readonly clinicalInfo: ClinicalInfo;
  readonly notifications: NotificationPreferences;
  readonly twoFactorEnabled: boolean;
  readonly selectedPracticeId: string | null;
  /** The user's own IANA time zone; null: their practice's (the selected one, else the first joined), else UTC. */
  readonly timeZone: string | null;
}

export type UserState = { readonly status: 'none' } | RegisteredUser;

export const emptyClinicalInfo: ClinicalInfo = {
  npi: null,
  taxonomyCode: null,
  licenseType: null,
  licenseNumber: null,
  licenseState: null,
};

/** Every email category and the sidebar display are on until the user turns them off. */
export const defaultNotifications: NotificationPreferences = {
  dailyDigestAndPayments: true,
  productUpdatesAndTips: true,
  sidebarAppointmentNotifications: true,
};

export const initialState = (): UserState => ({ status: 'none' });

const registered = (state: UserState, change: (user: RegisteredUser) => RegisteredUser): UserState =>
  state.status === 'registered' ? change(state) : state;

export const evolve = (state: UserState, event: UserEvent): UserState => {
  switch (event.type) {
    case 'UserSignedUp':
      return {
        status: 'registered',
        ...event.data,
        legalName: null,
        clinicalInfo: emptyClinicalInfo,
        notifications: defaultNotifications,
        twoFactorEnabled: false,
        selectedPracticeId: null,
        timeZone: null,
      };
    case 'UserNameChanged':
      return registered(state, (u) => ({ ...u, firstName: event.data.firstName, lastName: event.data.lastName }));
    case 'UserEmailChanged':
      return registered(state, (u) => ({ ...u, email: event.data.email }));
    case 'UserLegalNameSet':
      return registered(state, (u) => ({ ...u, legalName: { firstName: event.data.firstName, lastName: event.data.lastName } }));
    case 'UserLegalNameCleared':
      return registered(state, (u) => ({ ...u, legalName: null }));
    case 'UserClinicalInfoUpdated':
      return registered(state, (u) => ({ ...u, clinicalInfo: event.data.clinicalInfo }));
    case 'UserNotificationPreferencesChanged':
      return registered(state, (u) => ({ ...u, notifications: event.data.preferences }));
    case 'PracticeSwitched':
      return registered(state, (u) => ({ ...u, selectedPracticeId: event.data.practiceId }));
    case 'TwoFactorEnabled':
      return registered(state, (u) => ({ ...u, twoFactorEnabled: true }));
    case 'TwoFactorDisabled':
      return registered(state, (u) => ({ ...u, twoFactorEnabled: false }));
    case 'UserTimeZoneChanged':
      return registered(state, (u) => ({ ...u, timeZone: event.data.timeZone }));
    case 'UserSignedIn':
    case 'UserSignInFailed':
    case 'UserPasswordChanged':
      return state; // history only
    default:
      return assertNever(event);
  }
};
