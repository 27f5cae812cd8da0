import { z, id, email, isoDateTime, chars } from './schema';
import type { DomainEvent } from './envelope';
import { moneySchema } from './service.events';

export const practiceRoles = ['owner', 'admin', 'clinician', 'biller', 'scheduler'] as const;
export type PracticeRole = (typeof practiceRoles)[number];

const practiceName = chars(200);
const role = z.enum(practiceRoles);

export const PracticeCreatedSchema = z
  .object({ practiceId: id, name: practiceName, createdBy: id })
  .strict();
export type PracticeCreated = DomainEvent<'PracticeCreated', z.infer<typeof PracticeCreatedSchema>>;

export const PracticeMemberAddedSchema = z
  .object({ practiceId: id, userId: id, role, invitationId: id.optional() })
  .strict();
export type PracticeMemberAdded = DomainEvent<'PracticeMemberAdded', z.infer<typeof PracticeMemberAddedSchema>>;

export const PracticeRenamedSchema = z.object({ practiceId: id, name: practiceName }).strict();
export type PracticeRenamed = DomainEvent<'PracticeRenamed', z.infer<typeof PracticeRenamedSchema>>;

export const practiceSettingsSchema = z
  .object({
    /** Portal intake: "Request Client's Legal Sex Designation". */
    requestClientLegalSexDesignation: z.boolean(),
    /** The IANA time zone the practice's reports cut days, weeks and months in; absent: UTC. */
    timeZone: z.string().min(1).max(64).optional(),
    /** Billing (optional: settings recorded before it have none, which means no fee). */
    lateCancelFee: moneySchema.optional(),
    noShowFee: moneySchema.optional(),
    /** Appointment reminders go out this many hours before the start (absent: 24). */
    appointmentReminderLeadHours: z.number().int().min(1).max(336).optional(),
  })
  .strict();
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>;

export const PracticeSettingsChangedSchema = z.object({ practiceId: id, settings: practiceSettingsSchema }).strict();
export type PracticeSettingsChanged = DomainEvent<'PracticeSettingsChanged', z.infer<typeof PracticeSettingsChangedSchema>>;

// ---- Invitations --------------------------------------------------------------------------------

export const PracticeMemberInvitedSchema = z
  .object({ practiceId: id, invitationId: id, email, role, expiresAt: isoDateTime })
  .strict();
export type PracticeMemberInvited = DomainEvent<'PracticeMemberInvited', z.infer<typeof PracticeMemberInvitedSchema>>;

export const PracticeInvitationAcceptedSchema = z.object({ practiceId: id, invitationId: id, userId: id }).strict();
export type PracticeInvitationAccepted = DomainEvent<'PracticeInvitationAccepted', z.infer<typeof PracticeInvitationAcceptedSchema>>;

export const PracticeInvitationDeclinedSchema = z.object({ practiceId: id, invitationId: id, userId: id }).strict();
export type PracticeInvitationDeclined = DomainEvent<'PracticeInvitationDeclined', z.infer<typeof PracticeInvitationDeclinedSchema>>;

export const PracticeInvitationRevokedSchema = z.object({ practiceId: id, invitationId: id }).strict();
export type PracticeInvitationRevoked = DomainEvent<'PracticeInvitationRevoked', z.infer<typeof PracticeInvitationRevokedSchema>>;

// ---- Memberships --------------------------------------------------------------------------------

export const PracticeMemberRoleChangedSchema = z
  .object({ practiceId: id, userId: id, role, previousRole: role })
  .strict();
export type PracticeMemberRoleChanged = DomainEvent<'PracticeMemberRoleChanged', z.infer<typeof PracticeMemberRoleChangedSchema>>;

export const membershipEndReasons = ['removed', 'left'] as const;
export const PracticeMemberRemovedSchema = z
  .object({ practiceId: id, userId: id, role, reason: z.enum(membershipEndReasons) })
  .strict();
export type PracticeMemberRemoved = DomainEvent<'PracticeMemberRemoved', z.infer<typeof PracticeMemberRemovedSchema>>;

export type PracticeEvent =
  | PracticeCreated
  | PracticeMemberAdded
  | PracticeRenamed
  | PracticeSettingsChanged
  | PracticeMemberInvited
  | PracticeInvitationAccepted
  | PracticeInvitationDeclined
  | PracticeInvitationRevoked
  | PracticeMemberRoleChanged
  | PracticeMemberRemoved;

export const practiceEventSchemas = {
  PracticeCreated: PracticeCreatedSchema,
  PracticeMemberAdded: PracticeMemberAddedSchema,
  PracticeRenamed: PracticeRenamedSchema,
  PracticeSettingsChanged: PracticeSettingsChangedSchema,
  PracticeMemberInvited: PracticeMemberInvitedSchema,
  PracticeInvitationAccepted: PracticeInvitationAcceptedSchema,
  PracticeInvitationDeclined: PracticeInvitationDeclinedSchema,
  PracticeInvitationRevoked: PracticeInvitationRevokedSchema,
  PracticeMemberRoleChanged: PracticeMemberRoleChangedSchema,
  PracticeMemberRemoved: PracticeMemberRemovedSchema,
} as const;
