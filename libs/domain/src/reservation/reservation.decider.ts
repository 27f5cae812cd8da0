import type { EmailReleased, EmailReserved, ReservationEvent, ReservationScope } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';

/**
 * A uniqueness claim on a value (a client email within a practice, a login email). The stream id is a
 * hash of scope and value, so two claims on the same value meet in one stream and the event store's
 * expected-revision check decides the race.
 *
 * The rule it keeps: an address is claimed if and only if its owner (a client chart, a user) holds it,
 * or a command of the owner that may still write it there is under way. Every command that writes an
 * address to its owner's stream claims it first, naming the revision of that stream it read
 * (`ownerRevision`), and then writes there at exactly that revision. So a claim is stale, and may be
 * released or taken over, when its owner does not hold the address and either
 * - the owner's stream has moved past the claim's revision: the claiming command's write can never
 *   land (it lost a race, or it landed and the owner has since moved to another address, or was deleted);
 * - or the claim is older than ABANDONED_AFTER_MS: its command died before writing (the owner not
 *   created yet, or nothing written to it since the claim).
 * Whether the owner holds the address is I/O: the application looks and says what it found (`holder`).
 */
export type HeldClaim = {
  readonly status: 'held';
  readonly ownerId: string;
  readonly scope: ReservationScope;
  readonly since: string;
  /** Undefined on claims recorded before claims named it. */
  readonly ownerRevision: number | undefined;
};

export type ReservationState = { readonly status: 'free' } | HeldClaim;

/**
 * What the application found in the owner's own stream (its chart, its user) when it looked:
 * - holds: the owner is live (not deleted) and its current email is this address;
 * - missing: the owner's stream does not exist (yet);
 * - does-not-hold: it exists (or was deleted) at `revision` and does not hold this address.
 */
export type HolderFinding =
  | { readonly ownerId: string; readonly status: 'holds' }
  | { readonly ownerId: string; readonly status: 'missing' }
  | { readonly ownerId: string; readonly status: 'does-not-hold'; readonly revision: number };

export interface ReserveEmail {
  readonly type: 'ReserveEmail';
  readonly reservationId: string;
  readonly scope: ReservationScope;
  readonly ownerId: string;
  readonly now: string;
  /**
   * The revision of the owner's stream this command read and will write the address at (-1: the
   * command creates the owner). The write must expect exactly this revision.
   */
  readonly ownerRevision: number;
  /** What the application found about the current holder, when someone else holds the claim. */
  readonly holder?: HolderFinding;
}

export interface ReleaseEmail {
  readonly type: 'ReleaseEmail';
  readonly reservationId: string;
  readonly scope: ReservationScope;
  readonly ownerId: string;
  readonly now: string;
  /** What the application found about the owner: a claim is released only once it is stale. */
  readonly holder: HolderFinding;
}

export type ReservationCommand = ReserveEmail | ReleaseEmail;

/** How long a claim is kept for a command that may still be writing its owner (see above). */
export const ABANDONED_AFTER_MS = 60_000;

export const emailAlreadyInUse = (scope: ReservationScope): DomainError =>
  scope === 'login-email'
    ? new DomainError('EmailAlreadyRegistered', 'conflict', 'This email is already used by another account', [
        { field: 'email', message: 'is already used by another account' },
      ])
    : new DomainError('EmailAlreadyInUse', 'conflict', 'This email is already used by another client record', [
        { field: 'email', message: 'is already used by another client record of this practice' },
      ]);

/** Whether the claim can no longer be needed by its owner (the rule above). */
export const claimIsStale = (claim: HeldClaim, holder: HolderFinding | undefined, now: string): boolean => {
  // A finding about someone else (the claim changed hands since the application looked) proves nothing.
  if (holder === undefined || holder.ownerId !== claim.ownerId || holder.status === 'holds') return false;
  if (holder.status === 'does-not-hold' && claim.ownerRevision !== undefined && holder.revision > claim.ownerRevision) return true;
  return Date.parse(now) - Date.parse(claim.since) > ABANDONED_AFTER_MS;
};

const reserve = (command: ReserveEmail, state: ReservationState): EmailReserved[] => {
  const reserved: EmailReserved = {
    type: 'EmailReserved',
    data: {
      reservationId: command.reservationId,
      scope: command.scope,
      ownerId: command.ownerId,
      reservedAt: command.now,
      ownerRevision: command.ownerRevision,
    },
  };
  if (state.status === 'free') return [reserved];
  if (state.ownerId === command.ownerId) {
    // The owner again (a retry, or another of its commands). The claim keeps the latest revision any of
    // them read: a command that read an earlier one cannot write any more. The same revision claimed
    // again later restarts the grace, so a command that just claimed is never taken over as abandoned.
    const covered =
      state.ownerRevision !== undefined &&
      (state.ownerRevision > command.ownerRevision || (state.ownerRevision === command.ownerRevision && Date.parse(command.now) <= Date.parse(state.since)));
    return covered ? [] : [reserved];
  }
  if (claimIsStale(state, command.holder, command.now)) return [reserved];
  throw emailAlreadyInUse(command.scope);
};

const release = (command: ReleaseEmail, state: ReservationState): EmailReleased[] => {
  if (state.status === 'free' || state.ownerId !== command.ownerId) return [];
  // The owner holds it again, or one of its commands may still write it: the claim stays.
  if (!claimIsStale(state, command.holder, command.now)) return [];
  return [
    {
      type: 'EmailReleased',
      data: { reservationId: command.reservationId, scope: command.scope, ownerId: command.ownerId },
    },
  ];
};

export const decide = (command: ReservationCommand, state: ReservationState): ReservationEvent[] => {
  switch (command.type) {
    case 'ReserveEmail':
      return reserve(command, state);
    case 'ReleaseEmail':
      return release(command, state);
    default:
      return assertNever(command);
  }
};

export const evolve = (state: ReservationState, event: ReservationEvent): ReservationState => {
  switch (event.type) {
    case 'EmailReserved':
      return {
        status: 'held',
        ownerId: event.data.ownerId,
        scope: event.data.scope,
        since: event.data.reservedAt,
        ownerRevision: event.data.ownerRevision,
      };
    case 'EmailReleased':
      return { status: 'free' };
    default:
      return assertNever(event);
  }
};

export const initialState = (): ReservationState => ({ status: 'free' });

export const reservationDecider: Decider<ReservationCommand, ReservationState, ReservationEvent> = {
  decide,
  evolve,
  initialState,
};
