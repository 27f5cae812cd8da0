import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider, type ChartCommand } from './chart.decider';
import { chartId, individualCreated, now, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);
const book = (overrides: Partial<Extract<ChartCommand, { type: 'BookAppointment' }>> = {}): ChartCommand => ({
  type: 'BookAppointment',
  chartId,
  practiceId,
  appointmentId: 'a-1',
  start: '2024-05-02T10:00:00+02:00',
  durationMinutes: 50,
  practitionerId: 'u-1',
  practitionerIsMember: true,
  ...overrides,
});
const booked: ChartEvent = {
  type: 'AppointmentBooked',
  data: { chartId, appointmentId: 'a-1', start: '2024-05-02T08:00:00.000Z', durationMinutes: 50, practitionerId: 'u-1' },
};
const pastBooked: ChartEvent = { ...booked, data: { ...booked.data, start: '2024-04-30T08:00:00.000Z' } } as ChartEvent;

describe('Chart decider: appointments', () => {
  describe('when the client is active', () => {
    it('books an appointment, its start kept in UTC', () => {
      spec.given([individualCreated]).when(book()).then([booked]);
    });

    it('refuses a practitioner who is not a member, and a duration out of range', () => {
      spec.given([individualCreated]).when(book({ practitionerIsMember: false })).thenThrows('PractitionerNotAMember', 'practitionerId');
      spec.given([individualCreated]).when(book({ durationMinutes: 2 })).thenThrows('InvalidDuration', 'durationMinutes');
    });

    it('refuses a start outside the years 1900 to 9999 (in UTC), which no report could place on a date', () => {
      spec.given([individualCreated]).when(book({ start: '0000-01-01T00:00:00Z' })).thenThrows('InvalidDateTime', 'start');
      spec.given([individualCreated]).when(book({ start: '0999-12-31T10:00:00Z' })).thenThrows('InvalidDateTime', 'start');
      spec.given([individualCreated]).when(book({ start: '1900-01-01T00:30:00+01:00' })).thenThrows('InvalidDateTime', 'start');
      spec.given([individualCreated]).when(book({ start: '9999-12-31T23:00:00-02:00' })).thenThrows('InvalidDateTime', 'start');
      spec.given([individualCreated]).when(book({ start: '1900-01-01T00:00:00Z' })).then([
        { ...booked, data: { ...booked.data, start: '1900-01-01T00:00:00.000Z' } } as ChartEvent,
      ]);
    });

    it('refuses the same appointment id twice', () => {
      spec.given([individualCreated, booked]).when(book()).thenThrows('AppointmentAlreadyExists');
    });
  });

  describe('when the client is inactive', () => {
    it('refuses to book', () => {
      spec.given([individualCreated, { type: 'ClientDeactivated', data: { chartId } }]).when(book()).thenThrows('ClientInactive');
    });
  });

  describe('when an appointment is booked', () => {
    it('cancels it; cancelling again changes nothing', () => {
      const cancelled: ChartEvent = { type: 'AppointmentCancelled', data: { chartId, appointmentId: 'a-1' } };
      spec.given([individualCreated, booked]).when({ type: 'CancelAppointment', chartId, practiceId, appointmentId: 'a-1' }).then([cancelled]);
      spec.given([individualCreated, booked, cancelled]).when({ type: 'CancelAppointment', chartId, practiceId, appointmentId: 'a-1' }).then([]);
      spec.given([individualCreated, booked, cancelled]).when({ type: 'CompleteAppointment', chartId, practiceId, appointmentId: 'a-1', now }).thenThrows('AppointmentCancelled');
    });

    it('completes a session once it has started, never before', () => {
      const completed: ChartEvent = { type: 'AppointmentCompleted', data: { chartId, appointmentId: 'a-1' } };
      spec.given([individualCreated, pastBooked]).when({ type: 'CompleteAppointment', chartId, practiceId, appointmentId: 'a-1', now }).then([completed]);
      spec.given([individualCreated, booked]).when({ type: 'CompleteAppointment', chartId, practiceId, appointmentId: 'a-1', now }).thenThrows('AppointmentNotStarted');
      spec.given([individualCreated, pastBooked, completed]).when({ type: 'CancelAppointment', chartId, practiceId, appointmentId: 'a-1' }).thenThrows('AppointmentAlreadyCompleted');
    });

    it('knows no other appointment', () => {
      spec.given([individualCreated, booked]).when({ type: 'CancelAppointment', chartId, practiceId, appointmentId: 'a-9' }).thenThrows('AppointmentNotFound');
    });
  });
});
