import { createHash } from 'node:crypto';
import { reservationStream } from '../../../../libs/events/src/streams';
import type { ReservationScope } from '../../../../libs/events/src/reservation.events';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { normalizeEmail } from '../../../../libs/domain/src/shared/email-address';
import { reservationDecider } from '../../../../libs/domain/src/reservation/reservation.decider';
import type { CommandEnvelope } from './command-envelope';
import type { CommandRunner } from './command-runner';

/**
 * The reservation stream of an email within a scope. The stream name is a hash, so the log holds no
 * second clear-text copy of every address; the same email in any letter case meets in one stream.
 */
export const emailReservationStream = (scope: ReservationScope, scopeId: string, email: string): string =>
  reservationStream(createHash('sha256').update(`${scope}|${scopeId}|${normalizeEmail(email)}`).digest('hex').slice(0, 40));

export class EmailReservations {
  constructor(
    private readonly runner: CommandRunner,
    private readonly store: EventStore,
  ) {}

  /**
   * Claims the email for `ownerId`, or throws EmailAlreadyInUse / EmailAlreadyRegistered. A claim whose
   * owner never came to exist (its command died between the claim and the owner's creation) can be
   * taken over after a while, so a crash cannot lock an address forever.
   */
  async reserve(
    scope: ReservationScope,
    scopeId: string,
    email: string,
    ownerId: string,
    ownerStreamOf: (ownerId: string) => string,
    envelope: CommandEnvelope,
  ): Promise<void> {
    const streamId = emailReservationStream(scope, scopeId, email);
    const { state } = await this.runner.load(reservationDecider, streamId);
    const holderMissing =
      state.status === 'held' && state.ownerId !== ownerId
        ? (await this.store.readStream(ownerStreamOf(state.ownerId), { maxCount: 1 })).length === 0
        : false;
    await this.runner.run(
      reservationDecider,
      streamId,
      { type: 'ReserveEmail', reservationId: streamId, scope, ownerId, now: envelope.now, holderMissing },
      envelope,
    );
  }

  /**
   * Gives the email up so another client can use it (a deleted client, an email changed to another).
   * Only the owner's claim is released; releasing a claim someone else holds changes nothing.
   */
  async release(scope: ReservationScope, scopeId: string, email: string, ownerId: string, envelope: CommandEnvelope): Promise<void> {
    const streamId = emailReservationStream(scope, scopeId, email);
    await this.runner.run(reservationDecider, streamId, { type: 'ReleaseEmail', reservationId: streamId, scope, ownerId }, envelope);
  }

  /** The owner of a claimed email, if any (sign-in finds the user by login email this way). */
  async ownerOf(scope: ReservationScope, scopeId: string, email: string): Promise<string | undefined> {
    const { state } = await this.runner.load(reservationDecider, emailReservationStream(scope, scopeId, email));
    return state.status === 'held' ? state.ownerId : undefined;
  }
}
