import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ReservationEvent } from '@practice/events';
import {
  ABANDONED_AFTER_MS,
  reservationDecider,
  type HolderFinding,
  type ReleaseEmail,
  type ReserveEmail,
} from './reservation.decider';

const spec = deciderSpec(reservationDecider);
const reservationId = 'r-1';
const t0 = '2026-01-01T00:00:00.000Z';
const soon = new Date(Date.parse(t0) + 1_000).toISOString();
const later = new Date(Date.parse(t0) + ABANDONED_AFTER_MS + 1).toISOString();

const reserve = (ownerId: string, ownerRevision: number, overrides: Partial<ReserveEmail> = {}): ReserveEmail => ({
  type: 'ReserveEmail',
  reservationId,
  scope: 'client-email',
  ownerId,
  now: t0,
  ownerRevision,
  ...overrides,
});

const release = (ownerId: string, holder: HolderFinding, now = t0): ReleaseEmail => ({
  type: 'ReleaseEmail',
  reservationId,
  scope: 'client-email',
  ownerId,
  now,
  holder,
});

const reservedBy = (ownerId: string, ownerRevision: number | undefined, reservedAt = t0): ReservationEvent => ({
  type: 'EmailReserved',
  data: { reservationId, scope: 'client-email', ownerId, reservedAt, ...(ownerRevision === undefined ? {} : { ownerRevision }) },
});
const releasedBy = (ownerId: string): ReservationEvent => ({
  type: 'EmailReleased',
  data: { reservationId, scope: 'client-email', ownerId },
});

const holds = (ownerId: string): HolderFinding => ({ ownerId, status: 'holds' });
const missing = (ownerId: string): HolderFinding => ({ ownerId, status: 'missing' });
const doesNotHold = (ownerId: string, revision: number): HolderFinding => ({ ownerId, status: 'does-not-hold', revision });

describe('Reservation decider', () => {
  describe('when the email is free', () => {
    it('reserves it for its owner, naming the revision of the owner the command read', () => {
      spec.given([]).when(reserve('c-1', 4)).then([reservedBy('c-1', 4)]);
    });

    it('has nothing to release', () => {
      spec.given([]).when(release('c-1', doesNotHold('c-1', 3))).then([]);
    });
  });

  describe('when the email is held by a client who holds it', () => {
    it('refuses another client record with EmailAlreadyInUse', () => {
      spec.given([reservedBy('c-1', 2)]).when(reserve('c-2', -1, { holder: holds('c-1') })).thenThrows('EmailAlreadyInUse', 'email');
    });

    it('refuses another login with EmailAlreadyRegistered', () => {
      spec
        .given([reservedBy('u-1', -1)])
        .when(reserve('u-2', -1, { scope: 'login-email', holder: holds('u-1') }))
        .thenThrows('EmailAlreadyRegistered', 'email');
    });

    it('refuses however old the claim is', () => {
      spec.given([reservedBy('c-1', 2)]).when(reserve('c-2', -1, { holder: holds('c-1'), now: later })).thenThrows('EmailAlreadyInUse');
    });

    it('refuses when nothing was found out about the holder, or only about someone else', () => {
      spec.given([reservedBy('c-1', 2)]).when(reserve('c-2', -1, { now: later })).thenThrows('EmailAlreadyInUse');
      spec.given([reservedBy('c-1', 2)]).when(reserve('c-2', -1, { holder: doesNotHold('c-9', 50), now: later })).thenThrows('EmailAlreadyInUse');
    });

    it('is not released, not even by its owner', () => {
      spec.given([reservedBy('c-1', 2)]).when(release('c-1', holds('c-1'), later)).then([]);
    });
  });

  describe('when its owner no longer holds it', () => {
    it('is taken over at once when the owner moved past the revision the claim names (an edit that lost, a later change, a delete)', () => {
      spec
        .given([reservedBy('c-1', 2)])
        .when(reserve('c-2', -1, { holder: doesNotHold('c-1', 3) }))
        .then([reservedBy('c-2', -1)]);
    });

    it('is released by its owner at once in the same case', () => {
      spec.given([reservedBy('c-1', 2)]).when(release('c-1', doesNotHold('c-1', 5))).then([releasedBy('c-1')]);
    });

    it('is kept while the owner is still at the revision the claim names (its write may be under way)', () => {
      spec.given([reservedBy('c-1', 2)]).when(reserve('c-2', -1, { holder: doesNotHold('c-1', 2) })).thenThrows('EmailAlreadyInUse');
      spec.given([reservedBy('c-1', 2)]).when(release('c-1', doesNotHold('c-1', 2))).then([]);
    });

    it('is taken over once such a claim is older than the grace (its command died before writing)', () => {
      spec
        .given([reservedBy('c-1', 2)])
        .when(reserve('c-2', -1, { holder: doesNotHold('c-1', 2), now: later }))
        .then([reservedBy('c-2', -1, later)]);
    });

    it('a claim recorded before claims named a revision: taken over once older than the grace', () => {
      spec.given([reservedBy('c-1', undefined)]).when(reserve('c-2', -1, { holder: doesNotHold('c-1', 9) })).thenThrows('EmailAlreadyInUse');
      spec
        .given([reservedBy('c-1', undefined)])
        .when(reserve('c-2', -1, { holder: doesNotHold('c-1', 9), now: later }))
        .then([reservedBy('c-2', -1, later)]);
      spec.given([reservedBy('c-1', undefined)]).when(release('c-1', doesNotHold('c-1', 9), later)).then([releasedBy('c-1')]);
    });

    it('is released by its owner only', () => {
      spec.given([reservedBy('c-1', 2)]).when(release('c-2', doesNotHold('c-2', 5))).then([]);
    });
  });

  describe('when its owner does not exist (yet)', () => {
    it('is not taken over while the claim is fresh: the creation may be under way', () => {
      spec.given([reservedBy('c-1', -1)]).when(reserve('c-2', -1, { holder: missing('c-1'), now: soon })).thenThrows('EmailAlreadyInUse');
      spec.given([reservedBy('c-1', -1)]).when(release('c-1', missing('c-1'), soon)).then([]);
    });

    it('is taken over once the claim is old: the creation died', () => {
      spec
        .given([reservedBy('c-1', -1)])
        .when(reserve('c-2', -1, { holder: missing('c-1'), now: later }))
        .then([reservedBy('c-2', -1, later)]);
    });
  });

  describe('when its owner claims it again', () => {
    it('appends nothing for a retry of the same claim', () => {
      spec.given([reservedBy('c-1', 3)]).when(reserve('c-1', 3)).then([]);
    });

    it('appends nothing for a command that read an earlier revision (its write cannot land)', () => {
      spec.given([reservedBy('c-1', 3)]).when(reserve('c-1', 2, { now: later })).then([]);
    });

    it('names the later revision a newer command read', () => {
      spec.given([reservedBy('c-1', 3)]).when(reserve('c-1', 7, { now: soon })).then([reservedBy('c-1', 7, soon)]);
    });

    it('restarts the grace when the same revision is claimed again later', () => {
      spec.given([reservedBy('c-1', 3)]).when(reserve('c-1', 3, { now: later })).then([reservedBy('c-1', 3, later)]);
    });

    it('gives a claim recorded before claims named a revision one', () => {
      spec.given([reservedBy('c-1', undefined)]).when(reserve('c-1', 3)).then([reservedBy('c-1', 3)]);
    });
  });

  describe('when the email was released', () => {
    it('can be reserved by another record', () => {
      spec.given([reservedBy('c-1', 2), releasedBy('c-1')]).when(reserve('c-2', -1)).then([reservedBy('c-2', -1)]);
    });
  });
});
