import { z, id, isoDateTime } from './schema';
import type { DomainEvent } from './envelope';

/**
 * A uniqueness claim. `scope` says what is unique and where: a login email across all users, a client
 * email within one practice. The claimed value is kept only as the stream's hash, never in clear, so the
 * reservation streams do not become a second copy of every email address.
 */
export const reservationScopes = ['login-email', 'client-email'] as const;
export type ReservationScope = (typeof reservationScopes)[number];

/**
 * `ownerRevision`: the revision of the owner's own stream (its chart, its user) that the claiming command
 * read, -1 when the command creates the owner. That command writes the address to the owner's stream
 * at exactly this revision, so once the stream has moved past it without holding the address, the
 * claim is dead. Absent on claims recorded before it existed.
 */
export const EmailReservedSchema = z
  .object({
    reservationId: id,
    scope: z.enum(reservationScopes),
    ownerId: id,
    reservedAt: isoDateTime,
    ownerRevision: z.number().int().min(-1).optional(),
  })
  .strict();
export type EmailReserved = DomainEvent<'EmailReserved', z.infer<typeof EmailReservedSchema>>;

export const EmailReleasedSchema = z
  .object({ reservationId: id, scope: z.enum(reservationScopes), ownerId: id })
  .strict();
export type EmailReleased = DomainEvent<'EmailReleased', z.infer<typeof EmailReleasedSchema>>;

export type ReservationEvent = EmailReserved | EmailReleased;

export const reservationEventSchemas = {
  EmailReserved: EmailReservedSchema,
  EmailReleased: EmailReleasedSchema,
} as const;
