import { hash } from 'node:crypto';
import { chartStream, reservationStream, userStream, type ReservationEvent, type ReservationScope } from '@practice/events';
import { normalizeEmail, DomainError, chartDecider, userDecider, emailAlreadyInUse, reservationDecider, type HolderFinding, type ReleaseEmail, type ReservationState, type ReserveEmail } from '@practice/domain';
import type { CommandEnvelope } from './command-envelope';
import { RevisionMismatchError, type CommandResult, type CommandRunner } from './command-runner';
import { deterministicUuid } from './deterministic-id';
import { afterLostRace, MAX_ATTEMPTS } from './lost-race';

/**
 * The reservation stream of an email within a scope. The stream name is a hash, so the log holds no
 * second clear-text copy of every address; the same email in any letter case meets in one stream.
 */
export const emailReservationStream = (scope: ReservationScope, scopeId: string, email: string): string =>
  reservationStream(hash('sha256', `${scope}|${scopeId}|${normalizeEmail(email)}`, 'hex').slice(0, 40));

/**
 * The envelope of a claim or release, under an id of its own derived from the command's: a retry of the
 * command (same Idempotency-Key) finds what it wrote and appends nothing, while claims of one command
 * at different revisions of its owner (an edit that read, lost and read again) are each appended.
 */
const stepEnvelope = (envelope: CommandEnvelope, step: string): CommandEnvelope => ({
  ...envelope,
  commandId: deterministicUuid(`${envelope.commandId}|${step}`),
});

const heldFor = (state: ReservationState, ownerId: string, ownerRevision: number): boolean =>
  state.status === 'held' && state.ownerId === ownerId && state.ownerRevision !== undefined && state.ownerRevision >= ownerRevision;

/**
 * Email claims (see the reservation decider for the rule). The application's part: look at the owner
 * of a claim in its own stream (its chart for a client email, its user for a login email) and tell the
 * decider what it found, so a claim nobody holds any more is released or taken over, and never a claim
 * whose owner holds the address or may still write it.
 */
export class EmailReservations {
  constructor(private readonly runner: CommandRunner) {}

  /**
   * Claims the email for `ownerId`, or throws EmailAlreadyInUse / EmailAlreadyRegistered. The caller
   * read the owner's stream at `ownerRevision` (-1: it creates the owner) and must write the address
   * there expecting exactly that revision; a claim held by someone who does not hold the address any
   * more is taken over.
   */
  async reserve(
    scope: ReservationScope,
    scopeId: string,
    email: string,
    ownerId: string,
    ownerRevision: number,
    envelope: CommandEnvelope,
  ): Promise<void> {
    const streamId = emailReservationStream(scope, scopeId, email);
    let step = `claim|${streamId}@${ownerRevision}`;
    for (let attempt = 1; ; attempt += 1) {
      // Most addresses were never claimed: a command without an Idempotency-Key first claims as on an
      // empty stream, appended only if the stream is still empty (no_stream); a claim there is looked at
      // as usual on the next attempt. (With a key, a retry must find what the first attempt wrote.)
      const unread = attempt === 1 && envelope.freshCommandId === true;
      const { state, revision } = await this.runner.loadUnlessNew(reservationDecider, streamId, envelope, { newStream: attempt === 1 });
      const command = await this.reserveCommand(scope, scopeId, email, ownerId, ownerRevision, envelope.now, state);
      // Refused on the state looked at: that is the answer.
      reservationDecider.decide(command, state);
      let result: CommandResult<ReservationState, ReservationEvent> | undefined;
      try {
        // An empty stream is not read again (newStream): if it is not empty any more, the append is refused.
        result = await this.runner.run(reservationDecider, streamId, command, stepEnvelope(envelope, step), { expectedRevision: revision, newStream: revision === -1 });
      } catch (error) {
        // The claim changed since it was looked at (what was found about its holder may not apply): look again.
        const changed = error instanceof RevisionMismatchError || error instanceof DomainError;
        if (!changed || attempt >= MAX_ATTEMPTS) throw error;
        // A claim found where none was assumed is no race lost: look at it at once.
        if (!unread) await afterLostRace(attempt);
      }
      if (result !== undefined) {
        if (heldFor(result.state, ownerId, ownerRevision)) return;
        // A retry of the command found its claim, released or taken over since: claim anew.
        if (attempt >= MAX_ATTEMPTS) throw emailAlreadyInUse(scope);
        step = `claim|${streamId}@${ownerRevision}|after:${revision}`;
      }
    }
  }

  /**
   * Throws EmailAlreadyInUse / EmailAlreadyRegistered unless `reserve` would claim the email for
   * `ownerId` now. Writes nothing: a command that claims several emails checks them all first.
   */
  async assertAvailable(scope: ReservationScope, scopeId: string, email: string, ownerId: string, ownerRevision: number, now: string): Promise<void> {
    const { state } = await this.runner.load(reservationDecider, emailReservationStream(scope, scopeId, email));
    reservationDecider.decide(await this.reserveCommand(scope, scopeId, email, ownerId, ownerRevision, now, state), state);
  }

  /**
   * Gives the owner's claim up once the owner does not hold the address (a deleted client, an email
   * changed to another, a change that lost its race). A claim the owner holds, or that one of its
   * commands may still write, stays; a claim someone else holds is not touched.
   */
  async release(scope: ReservationScope, scopeId: string, email: string, ownerId: string, envelope: CommandEnvelope): Promise<void> {
    const streamId = emailReservationStream(scope, scopeId, email);
    for (let attempt = 1; ; attempt += 1) {
      const { state, revision } = await this.runner.load(reservationDecider, streamId);
      if (state.status !== 'held' || state.ownerId !== ownerId) return;
      const command: ReleaseEmail = {
        type: 'ReleaseEmail',
        reservationId: streamId,
        scope,
        ownerId,
        now: envelope.now,
        holder: await this.findHolder(scope, scopeId, email, ownerId),
      };
      try {
        await this.runner.run(reservationDecider, streamId, command, stepEnvelope(envelope, `release|${streamId}`), { expectedRevision: revision });
        return;
      } catch (error) {
        if (!(error instanceof RevisionMismatchError) || attempt >= MAX_ATTEMPTS) throw error;
        await afterLostRace(attempt);
      }
    }
  }

  /** `release` for a command that is failing anyway: its own error is the one to report. */
  async releaseQuietly(scope: ReservationScope, scopeId: string, email: string, ownerId: string, envelope: CommandEnvelope): Promise<void> {
    await this.release(scope, scopeId, email, ownerId, envelope).catch(() => undefined);
  }

  /** The owner that holds the email now: its claim, and its own stream has it (sign-in finds users this way). */
  async holderOf(scope: ReservationScope, scopeId: string, email: string): Promise<string | undefined> {
    const { state } = await this.runner.load(reservationDecider, emailReservationStream(scope, scopeId, email));
    if (state.status !== 'held') return undefined;
    const found = await this.findHolder(scope, scopeId, email, state.ownerId);
    return found.status === 'holds' ? state.ownerId : undefined;
  }

  /** What the owner's own stream says about the address: holds it, does not (at which revision), or does not exist. */
  async findHolder(scope: ReservationScope, scopeId: string, email: string, ownerId: string): Promise<HolderFinding> {
    const address = normalizeEmail(email);
    const same = (value: string | null): boolean => value !== null && normalizeEmail(value) === address;
    if (scope === 'client-email') {
      const { state, revision } = await this.runner.load(chartDecider, chartStream(ownerId));
      if (revision < 0) return { ownerId, status: 'missing' };
      const holds = state.status === 'open' && state.practiceId === scopeId && same(state.email);
      return holds ? { ownerId, status: 'holds' } : { ownerId, status: 'does-not-hold', revision };
    }
    const { state, revision } = await this.runner.load(userDecider, userStream(ownerId));
    if (revision < 0) return { ownerId, status: 'missing' };
    return state.status === 'registered' && same(state.email) ? { ownerId, status: 'holds' } : { ownerId, status: 'does-not-hold', revision };
  }

  private async reserveCommand(
    scope: ReservationScope,
    scopeId: string,
    email: string,
    ownerId: string,
    ownerRevision: number,
    now: string,
    state: ReservationState,
  ): Promise<ReserveEmail> {
    const holder = state.status === 'held' && state.ownerId !== ownerId ? await this.findHolder(scope, scopeId, email, state.ownerId) : undefined;
    return {
      type: 'ReserveEmail',
      reservationId: emailReservationStream(scope, scopeId, email),
      scope,
      ownerId,
      now,
      ownerRevision,
      ...(holder === undefined ? {} : { holder }),
    };
  }
}
