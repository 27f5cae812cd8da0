import { DomainError, invalid, normalizeEmail } from '@practice/domain';
import type { CommandEnvelope } from '../application/command-envelope';
import type { EmailReservations } from '../application/email-reservations';

const inUse = (field: string): DomainError =>
  new DomainError('EmailAlreadyInUse', 'conflict', 'This email is already used by another client record', [
    { field, message: 'is already used by another client record of this practice' },
  ]);

/**
 * Checks, before anything is written, that a client email can be claimed for a client the command
 * creates (free, held by `ownerId` as on a retry, or held by a stale claim that would be taken over).
 * The reservation itself still decides a race; this check only keeps a command that creates several
 * clients from claiming some emails and then failing on another.
 */
export const assertClientEmailFree = async (
  reservations: EmailReservations,
  envelope: CommandEnvelope,
  practiceId: string,
  email: string,
  ownerId: string,
  field: string,
): Promise<void> => {
  try {
    await reservations.assertAvailable('client-email', practiceId, email, ownerId, -1, envelope.now);
  } catch (error) {
    throw error instanceof DomainError && error.code === 'EmailAlreadyInUse' ? inUse(field) : error;
  }
};

/** The same email twice in one request (any letter case). */
export const assertDistinctEmails = (emails: readonly { email: string | null; field: string }[]): void => {
  const seen = new Set<string>();
  for (const { email, field } of emails) {
    if (email === null) continue;
    const key = normalizeEmail(email);
    if (seen.has(key)) throw invalid('DuplicateEmail', field, 'is given to two clients of this request');
    seen.add(key);
  }
};
