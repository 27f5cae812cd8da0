import { chartStream } from '../../../../libs/events/src/streams';
import { DomainError, invalid } from '../../../../libs/domain/src/shared/domain-error';
import { normalizeEmail } from '../../../../libs/domain/src/shared/email-address';
import type { CommandRunner } from '../application/command-runner';
import type { EmailReservations } from '../application/email-reservations';
import { chartDecider } from '../../../../libs/domain/src/chart/chart.decider';

const inUse = (field: string): DomainError =>
  new DomainError('EmailAlreadyInUse', 'conflict', 'This email is already used by another client record', [
    { field, message: 'is already used by another client record of this practice' },
  ]);

/**
 * Checks, before anything is written, that a client email is free in the practice (or already held
 * by `ownerId`, as on a retry). The reservation itself still decides a race; this check only keeps a
 * command that creates several clients from claiming some emails and then failing on another.
 */
export const assertClientEmailFree = async (
  runner: CommandRunner,
  reservations: EmailReservations,
  practiceId: string,
  email: string,
  ownerId: string,
  field: string,
): Promise<void> => {
  const owner = await reservations.ownerOf('client-email', practiceId, email);
  if (owner === undefined || owner === ownerId) return;
  const { state } = await runner.load(chartDecider, chartStream(owner));
  // A claim whose owner never came to exist is taken over by the reservation after a while.
  if (state.status !== 'none') throw inUse(field);
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
