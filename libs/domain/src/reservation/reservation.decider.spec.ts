import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ReservationEvent } from '../../../events/src/reservation.events';
import { ABANDONED_AFTER_MS, reservationDecider, type ReservationCommand } from './reservation.decider';

const spec = deciderSpec(reservationDecider);
const reservationId = 'r-1';
const t0 = '2026-01-01T00:00:00.000Z';
const later = new Date(Date.parse(t0) + ABANDONED_AFTER_MS + 1).toISOString();

const reserve = (ownerId: string, overrides: Partial<ReservationCommand> = {}): ReservationCommand => ({
  type: 'ReserveEmail',
  reservationId,
  scope: 'client-email',
  ownerId,
  now: t0,
  ...overrides,
} as ReservationCommand);

const reservedBy = (ownerId: string): ReservationEvent => ({
  type: 'EmailReserved',
  data: { reservationId, scope: 'client-email', ownerId, reservedAt: t0 },
});
const releasedBy = (ownerId: string): ReservationEvent => ({
  type: 'EmailReleased',
  data: { reservationId, scope: 'client-email', ownerId },
});

describe('Reservation decider', () => {
  describe('when the email is free', () => {
    it('reserves it for its owner', () => {
      spec.given([]).when(reserve('c-1')).then([reservedBy('c-1')]);
    });

    it('has nothing to release', () => {
      spec.given([]).when({ type: 'ReleaseEmail', reservationId, scope: 'client-email', ownerId: 'c-1' }).then([]);
    });
  });

  describe('when the email is held', () => {
    it('refuses another client record with EmailAlreadyInUse', () => {
      spec.given([reservedBy('c-1')]).when(reserve('c-2')).thenThrows('EmailAlreadyInUse', 'email');
    });

    it('refuses another login with EmailAlreadyRegistered', () => {
      spec
        .given([reservedBy('c-1')])
        .when(reserve('u-2', { scope: 'login-email' } as Partial<ReservationCommand>))
        .thenThrows('EmailAlreadyRegistered', 'email');
    });

    it('lets its owner reserve it again without a new event (a retried command)', () => {
      spec.given([reservedBy('c-1')]).when(reserve('c-1')).then([]);
    });

    it('is released by its owner only', () => {
      spec
        .given([reservedBy('c-1')])
        .when({ type: 'ReleaseEmail', reservationId, scope: 'client-email', ownerId: 'c-2' })
        .then([]);
      spec
        .given([reservedBy('c-1')])
        .when({ type: 'ReleaseEmail', reservationId, scope: 'client-email', ownerId: 'c-1' })
        .then([releasedBy('c-1')]);
    });

    it('is taken over when its holder never came to exist and the claim is old', () => {
      spec
        .given([reservedBy('c-1')])
        .when(reserve('c-2', { holderMissing: true, now: later } as Partial<ReservationCommand>))
        .then([{ type: 'EmailReserved', data: { reservationId, scope: 'client-email', ownerId: 'c-2', reservedAt: later } }]);
    });

    it('is not taken over while the claim is fresh, even if the holder is missing', () => {
      spec
        .given([reservedBy('c-1')])
        .when(reserve('c-2', { holderMissing: true } as Partial<ReservationCommand>))
        .thenThrows('EmailAlreadyInUse');
    });
  });

  describe('when the email was released', () => {
    it('can be reserved by another record', () => {
      spec.given([reservedBy('c-1'), releasedBy('c-1')]).when(reserve('c-2')).then([reservedBy('c-2')]);
    });
  });
});
