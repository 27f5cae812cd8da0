import type { ChartEvent } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import type { BookAppointment, CancelAppointment, CompleteAppointment, RescheduleAppointment } from './chart.commands';
import { activeChartOf, openChartOf } from './chart.guards';
import type { ChartState, OpenChart } from './chart.state';

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
  if (Number.isNaN(Date.parse(command.start))) throw invalid('InvalidDateTime', 'start', 'must be an ISO-8601 date-time');
  if (!Number.isInteger(command.durationMinutes) || command.durationMinutes < 5 || command.durationMinutes > 720) {
    throw invalid('InvalidDuration', 'durationMinutes', 'must be a whole number of minutes from 5 to 720');
  }
  if (!command.practitionerIsMember) {
    throw invalid('PractitionerNotAMember', 'practitionerId', 'must be a member of the practice');
  }
  const { appointmentId, durationMinutes, practitionerId } = command;
  // Stored in UTC so "upcoming" compares instants, whatever offset the caller wrote.
  const start = new Date(Date.parse(command.start)).toISOString();
  return [{ type: 'AppointmentBooked', data: { chartId: chart.chartId, appointmentId, start, durationMinutes, practitionerId } }];
};

export const cancelAppointment = (command: CancelAppointment, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  const appointment = appointmentOf(chart, command.appointmentId);
  if (appointment.status === 'cancelled') return [];
  if (appointment.status === 'completed') {
    throw new DomainError('AppointmentAlreadyCompleted', 'conflict', 'A completed session cannot be cancelled');
  }
  return [{ type: 'AppointmentCancelled', data: { chartId: chart.chartId, appointmentId: command.appointmentId } }];
};

/** A session is completed once it has started; a cancelled one cannot be. */
export const completeAppointment = (command: CompleteAppointment, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  const appointment = appointmentOf(chart, command.appointmentId);
  if (appointment.status === 'completed') return [];
  if (appointment.status === 'cancelled') {
    throw new DomainError('AppointmentCancelled', 'conflict', 'A cancelled appointment cannot be completed');
  }
  if (Date.parse(appointment.start) > Date.parse(command.now)) {
    throw new DomainError('AppointmentNotStarted', 'conflict', 'A session cannot be completed before it starts');
  }
  return [{ type: 'AppointmentCompleted', data: { chartId: chart.chartId, appointmentId: command.appointmentId } }];
};

/** A booked appointment moves to a new start (and length); the same time again changes nothing. */
export const rescheduleAppointment = (command: RescheduleAppointment, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  const appointment = appointmentOf(chart, command.appointmentId);
  if (appointment.status === 'cancelled') throw new DomainError('AppointmentCancelled', 'conflict', 'A cancelled appointment cannot be moved');
  if (appointment.status === 'completed') throw new DomainError('AppointmentAlreadyCompleted', 'conflict', 'A completed session cannot be moved');
  if (Number.isNaN(Date.parse(command.start))) throw invalid('InvalidDateTime', 'start', 'must be an ISO-8601 date-time');
  const durationMinutes = command.durationMinutes ?? appointment.durationMinutes;
  if (!Number.isInteger(durationMinutes) || durationMinutes < 5 || durationMinutes > 720) {
    throw invalid('InvalidDuration', 'durationMinutes', 'must be a whole number of minutes from 5 to 720');
  }
  const start = new Date(Date.parse(command.start)).toISOString();
  if (start === appointment.start && durationMinutes === appointment.durationMinutes) return [];
  return [{ type: 'AppointmentRescheduled', data: { chartId: chart.chartId, appointmentId: command.appointmentId, start, durationMinutes } }];
};
