import type { ClinicalInfo, NotificationPreferences } from '@practice/events';

/**
 * What can be asked of a user. Secrets never enter: the application checks passwords and one-time
 * codes and hands the results in as facts (`currentPasswordVerified`, `codeVerified`).
 */
export interface SignUp {
  readonly type: 'SignUp';
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** Either name may be left out to keep it. */
export interface ChangeName {
  readonly type: 'ChangeName';
  readonly firstName?: string;
  readonly lastName?: string;
}

export interface ChangeEmail {
  readonly type: 'ChangeEmail';
  readonly email: string;
}

export interface SetLegalName {
  readonly type: 'SetLegalName';
  readonly firstName: string;
  readonly lastName: string;
}

export interface ClearLegalName {
  readonly type: 'ClearLegalName';
}

/** Every field as it should stand afterwards; null clears it. */
export interface UpdateClinicalInfo {
  readonly type: 'UpdateClinicalInfo';
  readonly clinicalInfo: { readonly [K in keyof ClinicalInfo]: string | null };
}

export interface ChangeNotificationPreferences {
  readonly type: 'ChangeNotificationPreferences';
  readonly preferences: Partial<NotificationPreferences>;
}

/** An IANA time zone name, or null to follow the practice's. */
export interface ChangeTimeZone {
  readonly type: 'ChangeTimeZone';
  readonly timeZone: string | null;
}

export interface SwitchPractice {
  readonly type: 'SwitchPractice';
  readonly practiceId: string;
  /** Fact from the practice stream: the user is an active member of that practice. */
  readonly activeMember: boolean;
}

export interface RecordSignIn {
  readonly type: 'RecordSignIn';
  readonly method: 'password' | 'password+totp' | 'password+recovery-code';
}

export interface RecordSignInFailure {
  readonly type: 'RecordSignInFailure';
  readonly reason: 'wrong-password' | 'second-factor-missing' | 'wrong-second-factor' | 'locked';
  readonly lockedUntil?: string;
}

export interface ChangePassword {
  readonly type: 'ChangePassword';
  readonly currentPasswordVerified: boolean;
}

export interface EnableTwoFactor {
  readonly type: 'EnableTwoFactor';
  readonly codeVerified: boolean;
  readonly recoveryCodeCount: number;
}

export interface DisableTwoFactor {
  readonly type: 'DisableTwoFactor';
  /** The caller proved the password and a current code (or a recovery code). */
  readonly verified: boolean;
}

export type UserCommand =
  | SignUp
  | ChangeName
  | ChangeEmail
  | SetLegalName
  | ClearLegalName
  | UpdateClinicalInfo
  | ChangeNotificationPreferences
  | SwitchPractice
  | RecordSignIn
  | RecordSignInFailure
  | ChangePassword
  | EnableTwoFactor
  | DisableTwoFactor
  | ChangeTimeZone;
