import { z, id } from './schema';
import type { DomainEvent } from './envelope';

export const practiceRoles = ['owner', 'admin', 'clinician', 'biller', 'scheduler'] as const;
export type PracticeRole = (typeof practiceRoles)[number];

export const PracticeCreatedSchema = z
  .object({ practiceId: id, name: z.string().min(1).max(200), createdBy: id })
  .strict();
export type PracticeCreated = DomainEvent<'PracticeCreated', z.infer<typeof PracticeCreatedSchema>>;

export const PracticeMemberAddedSchema = z
  .object({ practiceId: id, userId: id, role: z.enum(practiceRoles) })
  .strict();
export type PracticeMemberAdded = DomainEvent<'PracticeMemberAdded', z.infer<typeof PracticeMemberAddedSchema>>;

export type PracticeEvent = PracticeCreated | PracticeMemberAdded;

export const practiceEventSchemas = {
  PracticeCreated: PracticeCreatedSchema,
  PracticeMemberAdded: PracticeMemberAddedSchema,
} as const;
