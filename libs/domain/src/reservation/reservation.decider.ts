import type { EmailReleased, EmailReserved, ReservationEvent, ReservationScope } from '../../../events/src/reservation.events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';

/**
 * A uniqueness claim on a value (a client email within a practice, a login email). The stream id is a
 * hash of scope and value, so two claims on the same value meet in one stream and the event store's
 * expected-revision check decides the race.
 */
export type ReservationState =
  | { readonly status: 'free' }
  | { readonly status: 'held'; readonly ownerId: string; readonly scope: ReservationScope; readonly since: string };

export interface ReserveEmail {
  readonly type: 'ReserveEmail';
  readonly reservationId: string;
  readonly scope: ReservationScope;
  readonly ownerId: string;
  readonly now: string;
  /**
   * Set by the application when it has checked that the current holder never came to exist (the
   * command that claimed it died before creating its owner). Such a claim may be taken over once it is
   * older than ABANDONED_AFTER_MS.
   */
  readonly holderMissing?: boolean;
}

export interface ReleaseEmail {
  readonly type: 'ReleaseEmail';
  readonly reservationId: string;
  readonly scope: ReservationScope;
  readonly ownerId: string;
}

export type ReservationCommand = ReserveEmail | ReleaseEmail;

export const ABANDONED_AFTER_MS = 60_000;

export const emailAlreadyInUse = (scope: ReservationScope): DomainError =>
  scope === 'login-email'
    ? new DomainError('EmailAlreadyRegistered', 'conflict', 'This email is already used by another account', [
        { field: 'email', message: 'is already used by another account' },
      ])
    : new DomainError('EmailAlreadyInUse', 'conflict', 'This email is already used by another client record', [
        { field: 'email', message: 'is already used by another client record of this practice' },
      ]);

const reserve = (command: ReserveEmail, state: ReservationState): EmailReserved[] => {
  const reserved: EmailReserved = {
    type: 'EmailReserved',
    data: {
      reservationId: command.reservationId,
      scope: command.scope,
      ownerId: command.ownerId,
      reservedAt: command.now,
    },
  };
  if (state.status === 'free') return [reserved];
  if (state.ownerId === command.ownerId) return [];
  const abandoned =
    command.holderMissing === true && Date.parse(command.now) - Date.parse(state.since) > ABANDONED_AFTER_MS;
  if (abandoned) return [reserved];
  throw emailAlreadyInUse(command.scope);
};

const release = (command: ReleaseEmail, state: ReservationState): EmailReleased[] => {
  if (state.status === 'free' || state.ownerId !== command.ownerId) return [];
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
      return { status: 'held', ownerId: event.data.ownerId, scope: event.data.scope, since: event.data.reservedAt };
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
