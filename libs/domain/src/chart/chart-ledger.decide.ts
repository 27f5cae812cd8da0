import type { ChargeKind, ChartEvent } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import { assertCalendarDate } from '../shared/calendar-date';
import { assertAmount, assertCurrency } from '../shared/money';
import type { LateCancelAppointment, MarkAppointmentNoShow, RecordPayment, RefundPayment } from './chart-billing.commands';
import { openChartOf } from './chart.guards';
import type { Appointment, ChartState, OpenChart } from './chart.state';
import { characterCount } from '../shared/unicode-text';

export const paymentNotFound = (): DomainError => new DomainError('PaymentNotFound', 'not_found', 'No such payment on this chart');

/**
 * The charge of an appointment. An appointment is charged at most once (it ends completed, late-cancelled
 * or a no-show), so the charge takes the appointment's id; a zero amount charges nothing.
 */
export const chargeFor = (chart: OpenChart, appointmentId: string, appointment: Appointment, kind: ChargeKind, fee: { amount: number; currency: string } | undefined): ChartEvent[] => {
  if (!fee || fee.amount === 0 || chart.billing.charges[appointmentId]) return [];
  const data = {
    chartId: chart.chartId,
    chargeId: appointmentId,
    appointmentId,
    kind,
    date: appointment.start.slice(0, 10),
    start: appointment.start,
    serviceId: appointment.service?.serviceId ?? null,
    serviceCode: appointment.service?.code ?? null,
    serviceName: appointment.service?.name ?? null,
    practitionerId: appointment.practitionerId,
    amount: fee.amount,
    currency: fee.currency,
  };
  return [{ type: 'ChargeRecorded', data }];
};

const appointmentOf = (chart: OpenChart, appointmentId: string): Appointment => {
  const appointment = chart.appointments[appointmentId];
  if (!appointment) throw new DomainError('AppointmentNotFound', 'not_found', 'No such appointment on this chart');
  return appointment;
};

const assertLedgerCurrency = (chart: OpenChart, currency: string, field: string): void => {
  if (chart.billing.currency !== null && chart.billing.currency !== currency) {
    throw invalid('CurrencyMismatch', field, `must be ${chart.billing.currency}, the currency of this chart's ledger`);
  }
};

/** Late cancellation and no-show end a booked appointment, each with the practice's fee for it. */
const closeBooked = (
  command: LateCancelAppointment | MarkAppointmentNoShow,
  state: ChartState,
  status: 'late-cancelled' | 'no-show',
): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  const appointment = appointmentOf(chart, command.appointmentId);
  if (appointment.status === status) return [];
  if (appointment.status !== 'booked') {
    throw new DomainError('AppointmentClosed', 'conflict', `The appointment is ${appointment.status}, no longer booked`);
  }
  if (command.type === 'MarkAppointmentNoShow' && Date.parse(appointment.start) > Date.parse(command.now)) {
    throw new DomainError('AppointmentNotStarted', 'conflict', 'A client is a no-show only once the appointment has started');
  }
  const fee = { amount: assertAmount(command.fee.amount, 'fee.amount'), currency: assertCurrency(command.fee.currency, 'fee.currency') };
  if (fee.amount > 0) assertLedgerCurrency(chart, fee.currency, 'fee.currency');
  const { chartId } = chart;
  const { appointmentId } = command;
  const closed: ChartEvent =
    status === 'late-cancelled' ? { type: 'AppointmentLateCancelled', data: { chartId, appointmentId } } : { type: 'AppointmentMarkedNoShow', data: { chartId, appointmentId } };
  return [closed, ...chargeFor(chart, appointmentId, appointment, status === 'late-cancelled' ? 'late-cancel' : 'no-show', fee)];
};

export const lateCancelAppointment = (command: LateCancelAppointment, state: ChartState): ChartEvent[] => closeBooked(command, state, 'late-cancelled');
export const markAppointmentNoShow = (command: MarkAppointmentNoShow, state: ChartState): ChartEvent[] => closeBooked(command, state, 'no-show');

/**
 * A payment is applied to charges of this chart, never more to a charge than it still owes, never more
 * in all than the payment; what is left unapplied is the client's credit (the balance goes below 0).
 */
export const recordPayment = (command: RecordPayment, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  if (chart.billing.payments[command.paymentId]) throw new DomainError('PaymentAlreadyExists', 'conflict', 'A payment with this id already exists');
  const amount = assertAmount(command.amount, 'amount', true);
  const currency = assertCurrency(command.currency, 'currency');
  assertLedgerCurrency(chart, currency, 'currency');
  const date = assertCalendarDate(command.date, 'date');
  const reference = command.reference === null ? null : command.reference.trim() || null;
  if (reference !== null && characterCount(reference) > 200) throw invalid('TextTooLong', 'reference', 'must be at most 200 characters');
  const seen = new Set<string>();
  const applications = command.applications.map(({ chargeId, amount: applied }, i) => {
    const charge = chart.billing.charges[chargeId];
    if (!charge) throw invalid('UnknownCharge', `applications.${i}.chargeId`, 'must be a charge of this chart');
    if (seen.has(chargeId)) throw invalid('DuplicateEntry', `applications.${i}.chargeId`, 'names a charge already named');
    seen.add(chargeId);
    assertAmount(applied, `applications.${i}.amount`, true);
    if (applied > charge.amount - charge.paid) {
      throw invalid('AmountExceedsOutstanding', `applications.${i}.amount`, `must not be more than the charge still owes (${charge.amount - charge.paid})`);
    }
    return { chargeId, amount: applied };
  });
  if (applications.reduce((sum, a) => sum + a.amount, 0) > amount) {
    throw invalid('AmountExceedsOutstanding', 'applications', 'must not apply more than the payment amount in all');
  }
  return [{ type: 'PaymentRecorded', data: { chartId: chart.chartId, paymentId: command.paymentId, amount, currency, method: command.method, date, reference, applications } }];
};

/**
 * A refund gives back at most what remains of the payment. It comes out of the payment's unapplied
 * credit first, then off the charges it was applied to, the last applied first (they owe that again).
 */
export const refundPayment = (command: RefundPayment, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  const payment = chart.billing.payments[command.paymentId];
  if (!payment) throw paymentNotFound();
  const amount = assertAmount(command.amount, 'amount', true);
  const date = assertCalendarDate(command.date, 'date');
  if (amount > payment.amount - payment.refunded) {
    throw invalid('RefundExceedsPayment', 'amount', `must not be more than what remains of the payment (${payment.amount - payment.refunded})`);
  }
  const applied = payment.applications.reduce((sum, a) => sum + a.amount, 0);
  let left = Math.max(0, amount - (payment.amount - payment.refunded - applied));
  const applications: { chargeId: string; amount: number }[] = [];
  for (const application of [...payment.applications].reverse()) {
    if (left === 0) break;
    const taken = Math.min(left, application.amount);
    applications.push({ chargeId: application.chargeId, amount: taken });
    left -= taken;
  }
  return [{ type: 'PaymentRefunded', data: { chartId: chart.chartId, paymentId: command.paymentId, refundId: command.refundId, amount, date, applications } }];
};
