import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider, type ChartCommand } from './chart.decider';
import { chartId, individualCreated, now, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);
const rate = { amount: 15000, currency: 'USD' };
const services = {
  's-1': { name: 'Psychotherapy', code: '90837', durationMinutes: 60, rate, retired: false },
  's-2': { name: 'Intake', code: '90791', durationMinutes: 60, rate: { amount: 20000, currency: 'USD' }, retired: false },
  's-eur': { name: 'Therapie', code: '90834', durationMinutes: 45, rate: { amount: 9000, currency: 'EUR' }, retired: false },
  's-old': { name: 'Old', code: '90832', durationMinutes: 30, rate, retired: true },
};
const book = (overrides: Partial<Extract<ChartCommand, { type: 'BookAppointment' }>> = {}): ChartCommand => ({
  type: 'BookAppointment', chartId, practiceId, appointmentId: 'a-1', start: '2024-04-30T08:00:00.000Z', durationMinutes: 50, practitionerId: 'u-1', practitionerIsMember: true, services, ...overrides,
});
const base = { chartId, appointmentId: 'a-1', start: '2024-04-30T08:00:00.000Z', durationMinutes: 50, practitionerId: 'u-1' };
const service = { serviceId: 's-1', code: '90837', name: 'Psychotherapy' };
const bookedWithFee: ChartEvent = { type: 'AppointmentBooked', data: { ...base, service, fee: rate } };
const defaultService: ChartEvent = { type: 'ClientBillingSettingsSet', data: { chartId, payer: 'private-pay', defaultServiceId: 's-1', billTo: 'client', billingContactId: null } };
const charge = (kind: 'session' | 'late-cancel' | 'no-show', amount: number): ChartEvent => ({
  type: 'ChargeRecorded',
  data: { chartId, chargeId: 'a-1', appointmentId: 'a-1', kind, date: '2024-04-30', start: base.start, serviceId: 's-1', serviceCode: '90837', serviceName: 'Psychotherapy', practitionerId: 'u-1', amount, currency: 'USD' },
});
const fee = (amount: number) => ({ amount, currency: 'USD' });

describe('Chart decider: appointment fees', () => {
  it("books with the client's default service at its rate", () => {
    spec.given([individualCreated, defaultService]).when(book()).then([bookedWithFee]);
  });

  it('books with the service and fee given', () => {
    spec.given([individualCreated, defaultService]).when(book({ serviceId: 's-2', fee: 17500 }))
      .then([{ type: 'AppointmentBooked', data: { ...base, service: { serviceId: 's-2', code: '90791', name: 'Intake' }, fee: fee(17500) } }]);
  });

  it('books without service or fee when the client has no default service', () => {
    spec.given([individualCreated]).when(book()).then([{ type: 'AppointmentBooked', data: base }]);
    spec.given([individualCreated]).when(book({ fee: 100 })).thenThrows('UnknownService', 'serviceId');
  });

  it('refuses an unknown or retired service, a bad fee, and another currency than the ledger has', () => {
    spec.given([individualCreated]).when(book({ serviceId: 's-x' })).thenThrows('UnknownService', 'serviceId');
    spec.given([individualCreated]).when(book({ serviceId: 's-old' })).thenThrows('UnknownService', 'serviceId');
    spec.given([individualCreated]).when(book({ serviceId: 's-1', fee: -5 })).thenThrows('InvalidAmount', 'fee');
    spec.given([individualCreated, bookedWithFee, { type: 'AppointmentCompleted', data: { chartId, appointmentId: 'a-1' } }, charge('session', 15000)])
      .when(book({ appointmentId: 'a-2', serviceId: 's-eur' })).thenThrows('CurrencyMismatch', 'serviceId');
  });
});

describe('Chart decider: charges', () => {
  const completed: ChartEvent = { type: 'AppointmentCompleted', data: { chartId, appointmentId: 'a-1' } };

  it('charges a completed session its fee, with the same command; completing again changes nothing', () => {
    spec.given([individualCreated, bookedWithFee]).when({ type: 'CompleteAppointment', chartId, practiceId, appointmentId: 'a-1', now }).then([completed, charge('session', 15000)]);
    spec.given([individualCreated, bookedWithFee, completed, charge('session', 15000)]).when({ type: 'CompleteAppointment', chartId, practiceId, appointmentId: 'a-1', now }).then([]);
  });

  it('charges nothing for a session booked without a fee, or with a fee of 0', () => {
    spec.given([individualCreated, { type: 'AppointmentBooked', data: base }]).when({ type: 'CompleteAppointment', chartId, practiceId, appointmentId: 'a-1', now }).then([completed]);
    spec.given([individualCreated, { type: 'AppointmentBooked', data: { ...base, service, fee: fee(0) } }]).when({ type: 'CompleteAppointment', chartId, practiceId, appointmentId: 'a-1', now }).then([completed]);
  });

  it("late-cancels with the practice's late-cancel fee, a status of its own", () => {
    spec.given([individualCreated, bookedWithFee]).when({ type: 'LateCancelAppointment', chartId, practiceId, appointmentId: 'a-1', fee: fee(5000) })
      .then([{ type: 'AppointmentLateCancelled', data: { chartId, appointmentId: 'a-1' } }, charge('late-cancel', 5000)]);
    spec.given([individualCreated, bookedWithFee]).when({ type: 'LateCancelAppointment', chartId, practiceId, appointmentId: 'a-1', fee: fee(0) })
      .then([{ type: 'AppointmentLateCancelled', data: { chartId, appointmentId: 'a-1' } }]);
  });

  it("marks a no-show once started, with the practice's no-show fee", () => {
    spec.given([individualCreated, bookedWithFee]).when({ type: 'MarkAppointmentNoShow', chartId, practiceId, appointmentId: 'a-1', fee: fee(7500), now })
      .then([{ type: 'AppointmentMarkedNoShow', data: { chartId, appointmentId: 'a-1' } }, charge('no-show', 7500)]);
    spec.given([individualCreated, bookedWithFee]).when({ type: 'MarkAppointmentNoShow', chartId, practiceId, appointmentId: 'a-1', fee: fee(7500), now: '2024-04-29T00:00:00.000Z' }).thenThrows('AppointmentNotStarted');
  });

  describe('when the appointment is no longer booked', () => {
    const noShow: ChartEvent = { type: 'AppointmentMarkedNoShow', data: { chartId, appointmentId: 'a-1' } };
    const cancelled: ChartEvent = { type: 'AppointmentCancelled', data: { chartId, appointmentId: 'a-1' } };

    it('keeps cancelled, late-cancelled, no-show and completed distinct and final', () => {
      spec.given([individualCreated, bookedWithFee, noShow]).when({ type: 'MarkAppointmentNoShow', chartId, practiceId, appointmentId: 'a-1', fee: fee(7500), now }).then([]);
      spec.given([individualCreated, bookedWithFee, noShow]).when({ type: 'LateCancelAppointment', chartId, practiceId, appointmentId: 'a-1', fee: fee(1) }).thenThrows('AppointmentClosed');
      spec.given([individualCreated, bookedWithFee, noShow]).when({ type: 'CompleteAppointment', chartId, practiceId, appointmentId: 'a-1', now }).thenThrows('AppointmentClosed');
      spec.given([individualCreated, bookedWithFee, noShow]).when({ type: 'CancelAppointment', chartId, practiceId, appointmentId: 'a-1' }).thenThrows('AppointmentClosed');
      spec.given([individualCreated, bookedWithFee, cancelled]).when({ type: 'LateCancelAppointment', chartId, practiceId, appointmentId: 'a-1', fee: fee(1) }).thenThrows('AppointmentClosed');
      spec.given([individualCreated, bookedWithFee, completed]).when({ type: 'MarkAppointmentNoShow', chartId, practiceId, appointmentId: 'a-1', fee: fee(1), now }).thenThrows('AppointmentClosed');
    });
  });
});
