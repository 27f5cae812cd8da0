import type { ChartEvent } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import type { BookAppointment, CancelAppointment, CompleteAppointment, RescheduleAppointment } from './chart.commands';
import { activeChartOf, openChartOf } from './chart.guards';
import type { ChartState, OpenChart } from './chart.state';
import { assertAmount } from '../shared/money';
import { chargeFor } from './chart-ledger.decide';
import { utcDateTime } from '../shared/date-time';

/**
 * The service and fee an appointment is billed as: the service given, else the client's default one;
 * the fee given, else the service's rate, in the service's currency. No service, no fee.
 */
const billedAs = (command: BookAppointment, chart: OpenChart) => {
  const serviceId = command.serviceId ?? chart.billing.settings?.defaultServiceId ?? null;
  if (serviceId === null) {
    if (command.fee !== undefined) throw invalid('UnknownService', 'serviceId', "a fee needs a service: give serviceId or set the client's default service");
    return {};
  }
  const service = command.services?.[serviceId];
  if (!service || service.retired) {
    throw invalid('UnknownService', 'serviceId', command.serviceId === undefined ? "the client's default service is retired; give serviceId" : "must be a service of the practice's catalogue that is not retired");
  }
  const fee = { amount: command.fee === undefined ? service.rate.amount : assertAmount(command.fee, 'fee'), currency: service.rate.currency };
  if (chart.billing.currency !== null && fee.currency !== chart.billing.currency) {
    throw invalid('CurrencyMismatch', 'serviceId', `the service is billed in ${fee.currency}, this chart's ledger in ${chart.billing.currency}`);
  }
  return { service: { serviceId, code: service.code, name: service.name }, fee };
};

const appointmentOf = (chart: OpenChart, appointmentId: string) => {
  const appointment = chart.appointments[appointmentId];
  if (!appointment) throw new DomainError('AppointmentNotFound', 'not_found', 'No such appointment on this chart');
  return appointment;
};

/** An appointment belongs to one chart; an inactive client is reactivated before booking. */
export const bookAppointment = (command: BookAppointment, state: ChartState): ChartEvent[] => {
  const chart = activeChartOf(state, command.practiceId);
  if (chart.appointments[command.appointmentId]) {
    throw new DomainError('AppointmentAlreadyExists', 'conflict', 'An appointment with this id already exists');
  }
  // Stored in UTC so "upcoming" compares instants, whatever offset the caller wrote.
  const start = utcDateTime(command.start, 'start');
  if (!Number.isInteger(command.durationMinutes) || command.durationMinutes < 5 || command.durationMinutes > 720) {
    throw invalid('InvalidDuration', 'durationMinutes', 'must be a whole number of minutes from 5 to 720');
  }
  if (!command.practitionerIsMember) {
    throw invalid('PractitionerNotAMember', 'practitionerId', 'must be a member of the practice');
  }
  const { appointmentId, durationMinutes, practitionerId } = command;
  const billed = billedAs(command, chart);
  return [{ type: 'AppointmentBooked', data: { chartId: chart.chartId, appointmentId, start, durationMinutes, practitionerId, ...billed } }];
};

export const cancelAppointment = (command: CancelAppointment, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  const appointment = appointmentOf(chart, command.appointmentId);
  if (appointment.status === 'cancelled') return [];
  if (appointment.status === 'completed') {
    throw new DomainError('AppointmentAlreadyCompleted', 'conflict', 'A completed session cannot be cancelled');
  }
  if (appointment.status !== 'booked') throw new DomainError('AppointmentClosed', 'conflict', `The appointment is ${appointment.status}, no longer booked`);
  return [{ type: 'AppointmentCancelled', data: { chartId: chart.chartId, appointmentId: command.appointmentId } }];
};

/** A session is completed once it has started; a cancelled one cannot be. Completing charges its fee. */
export const completeAppointment = (command: CompleteAppointment, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  const appointment = appointmentOf(chart, command.appointmentId);
  if (appointment.status === 'completed') return [];
  if (appointment.status === 'cancelled') {
    throw new DomainError('AppointmentCancelled', 'conflict', 'A cancelled appointment cannot be completed');
  }
  if (appointment.status !== 'booked') throw new DomainError('AppointmentClosed', 'conflict', `The appointment is ${appointment.status}, no longer booked`);
  if (Date.parse(appointment.start) > Date.parse(command.now)) {
    throw new DomainError('AppointmentNotStarted', 'conflict', 'A session cannot be completed before it starts');
  }
  return [
    { type: 'AppointmentCompleted', data: { chartId: chart.chartId, appointmentId: command.appointmentId } },
    ...chargeFor(chart, command.appointmentId, appointment, 'session', appointment.fee),
  ];
};

/** A booked appointment moves to a new start (and length); the same time again changes nothing. */
export const rescheduleAppointment = (command: RescheduleAppointment, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  const appointment = appointmentOf(chart, command.appointmentId);
  if (appointment.status === 'cancelled') throw new DomainError('AppointmentCancelled', 'conflict', 'A cancelled appointment cannot be moved');
  if (appointment.status === 'completed') throw new DomainError('AppointmentAlreadyCompleted', 'conflict', 'A completed session cannot be moved');
  const start = utcDateTime(command.start, 'start');
  const durationMinutes = command.durationMinutes ?? appointment.durationMinutes;
  if (!Number.isInteger(durationMinutes) || durationMinutes < 5 || durationMinutes > 720) {
    throw invalid('InvalidDuration', 'durationMinutes', 'must be a whole number of minutes from 5 to 720');
  }
  if (start === appointment.start && durationMinutes === appointment.durationMinutes) return [];
  return [{ type: 'AppointmentRescheduled', data: { chartId: chart.chartId, appointmentId: command.appointmentId, start, durationMinutes } }];
};
