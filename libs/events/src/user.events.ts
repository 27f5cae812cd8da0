import { z, id, personName, email } from './schema';
import type { DomainEvent } from './envelope';

// Never a password hash, a 2FA secret or a recovery code here: secrets live outside the event log.

export const UserSignedUpSchema = z
  .object({ userId: id, email, firstName: personName, lastName: personName })
  .strict();
export type UserSignedUp = DomainEvent<'UserSignedUp', z.infer<typeof UserSignedUpSchema>>;

export type UserEvent = UserSignedUp;

export const userEventSchemas = {
  UserSignedUp: UserSignedUpSchema,
} as const;
