import { z, id, personName, email, isoDateTime, chars } from './schema';
import type { DomainEvent } from './envelope';

// Never a password hash, a 2FA secret or a recovery code here: secrets live outside the event log.

export const UserSignedUpSchema = z
  .object({ userId: id, email, firstName: personName, lastName: personName })
  .strict();
export type UserSignedUp = DomainEvent<'UserSignedUp', z.infer<typeof UserSignedUpSchema>>;

// ---- Profile ------------------------------------------------------------------------------------

export const UserNameChangedSchema = z.object({ userId: id, firstName: personName, lastName: personName }).strict();
export type UserNameChanged = DomainEvent<'UserNameChanged', z.infer<typeof UserNameChangedSchema>>;

export const UserEmailChangedSchema = z.object({ userId: id, email, previousEmail: email }).strict();
export type UserEmailChanged = DomainEvent<'UserEmailChanged', z.infer<typeof UserEmailChangedSchema>>;

/** The legal name is used on claims and superbills; the preferred (first/last) name everywhere else. */
export const UserLegalNameSetSchema = z.object({ userId: id, firstName: personName, lastName: personName }).strict();
export type UserLegalNameSet = DomainEvent<'UserLegalNameSet', z.infer<typeof UserLegalNameSetSchema>>;

export const UserLegalNameClearedSchema = z.object({ userId: id }).strict();
export type UserLegalNameCleared = DomainEvent<'UserLegalNameCleared', z.infer<typeof UserLegalNameClearedSchema>>;

const nullableText = (max: number) => chars(max).nullable();

export const clinicalInfoSchema = z
  .object({
    npi: z.string().regex(/^\d{10}$/).nullable(),
    taxonomyCode: z.string().regex(/^\d{3}[0-9A-Z]{6}X$/).nullable(),
    licenseType: nullableText(100),
    licenseNumber: nullableText(50),
    licenseState: z.string().regex(/^[A-Z]{2}$/).nullable(),
  })
  .strict();
export type ClinicalInfo = z.infer<typeof clinicalInfoSchema>;

/** The whole clinical info as it stands after the change; who changed it is in the metadata. */
export const UserClinicalInfoUpdatedSchema = z.object({ userId: id, clinicalInfo: clinicalInfoSchema }).strict();
export type UserClinicalInfoUpdated = DomainEvent<'UserClinicalInfoUpdated', z.infer<typeof UserClinicalInfoUpdatedSchema>>;

export const notificationPreferencesSchema = z
  .object({
    dailyDigestAndPayments: z.boolean(),
    productUpdatesAndTips: z.boolean(),
    sidebarAppointmentNotifications: z.boolean(),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const UserNotificationPreferencesChangedSchema = z
  .object({ userId: id, preferences: notificationPreferencesSchema })
  .strict();
export type UserNotificationPreferencesChanged = DomainEvent<
  'UserNotificationPreferencesChanged',
  z.infer<typeof UserNotificationPreferencesChangedSchema>
>;

/**
 * The user's own IANA time zone (the daily digest goes out at 07:00 there); null: follow the time zone of
 * the user's selected practice (else the first joined), UTC when that has none.
 */
export const UserTimeZoneChangedSchema = z.object({ userId: id, timeZone: z.string().min(1).max(64).nullable() }).strict();
export type UserTimeZoneChanged = DomainEvent<'UserTimeZoneChanged', z.infer<typeof UserTimeZoneChangedSchema>>;

// ---- Practices ----------------------------------------------------------------------------------

export const PracticeSwitchedSchema = z.object({ userId: id, practiceId: id }).strict();
export type PracticeSwitched = DomainEvent<'PracticeSwitched', z.infer<typeof PracticeSwitchedSchema>>;

// ---- Security: that something happened, never the secret itself ----------------------------------

export const signInMethods = ['password', 'password+totp', 'password+recovery-code'] as const;
export const UserSignedInSchema = z.object({ userId: id, method: z.enum(signInMethods) }).strict();
export type UserSignedIn = DomainEvent<'UserSignedIn', z.infer<typeof UserSignedInSchema>>;

export const signInFailureReasons = ['wrong-password', 'second-factor-missing', 'wrong-second-factor', 'locked'] as const;
export const UserSignInFailedSchema = z
  .object({ userId: id, reason: z.enum(signInFailureReasons), lockedUntil: isoDateTime.optional() })
  .strict();
export type UserSignInFailed = DomainEvent<'UserSignInFailed', z.infer<typeof UserSignInFailedSchema>>;

export const UserPasswordChangedSchema = z.object({ userId: id }).strict();
export type UserPasswordChanged = DomainEvent<'UserPasswordChanged', z.infer<typeof UserPasswordChangedSchema>>;

export const TwoFactorEnabledSchema = z.object({ userId: id, method: z.literal('totp'), recoveryCodeCount: z.number().int().min(0) }).strict();
export type TwoFactorEnabled = DomainEvent<'TwoFactorEnabled', z.infer<typeof TwoFactorEnabledSchema>>;

export const TwoFactorDisabledSchema = z.object({ userId: id }).strict();
export type TwoFactorDisabled = DomainEvent<'TwoFactorDisabled', z.infer<typeof TwoFactorDisabledSchema>>;

export type UserEvent =
  | UserSignedUp
  | UserNameChanged
  | UserEmailChanged
  | UserLegalNameSet
  | UserLegalNameCleared
  | UserClinicalInfoUpdated
  | UserNotificationPreferencesChanged
  | PracticeSwitched
  | UserSignedIn
  | UserSignInFailed
  | UserPasswordChanged
  | TwoFactorEnabled
  | TwoFactorDisabled
  | UserTimeZoneChanged;

export const userEventSchemas = {
  UserSignedUp: UserSignedUpSchema,
  UserNameChanged: UserNameChangedSchema,
  UserEmailChanged: UserEmailChangedSchema,
  UserLegalNameSet: UserLegalNameSetSchema,
  UserLegalNameCleared: UserLegalNameClearedSchema,
  UserClinicalInfoUpdated: UserClinicalInfoUpdatedSchema,
  UserNotificationPreferencesChanged: UserNotificationPreferencesChangedSchema,
  PracticeSwitched: PracticeSwitchedSchema,
  UserSignedIn: UserSignedInSchema,
  UserSignInFailed: UserSignInFailedSchema,
  UserPasswordChanged: UserPasswordChangedSchema,
  TwoFactorEnabled: TwoFactorEnabledSchema,
  TwoFactorDisabled: TwoFactorDisabledSchema,
  UserTimeZoneChanged: UserTimeZoneChangedSchema,
} as const;
