import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider, type ChartCommand } from './chart.decider';
import { chartId, individualCreated, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);
const booked: ChartEvent = {
  type: 'AppointmentBooked',
  data: { chartId, appointmentId: 'a-1', start: '2024-05-02T08:00:00.000Z', durationMinutes: 50, practitionerId: 'u-1' },
};
const reschedule = (start: string, durationMinutes?: number): ChartCommand => ({
  type: 'RescheduleAppointment',
  chartId,
  practiceId,
  appointmentId: 'a-1',
  start,
  ...(durationMinutes === undefined ? {} : { durationMinutes }),
});

describe('Chart decider: rescheduling an appointment', () => {
  describe('when it is booked', () => {
    it('moves it (in UTC), keeping its length unless a new one is given', () => {
      spec.given([individualCreated, booked]).when(reschedule('2024-05-03T10:00:00+02:00')).then([
        { type: 'AppointmentRescheduled', data: { chartId, appointmentId: 'a-1', start: '2024-05-03T08:00:00.000Z', durationMinutes: 50 } },
      ]);
      spec.given([individualCreated, booked]).when(reschedule('2024-05-03T08:00:00Z', 80)).then([
        { type: 'AppointmentRescheduled', data: { chartId, appointmentId: 'a-1', start: '2024-05-03T08:00:00.000Z', durationMinutes: 80 } },
      ]);
    });

    it('changes nothing when moved to the same time', () => {
      spec.given([individualCreated, booked]).when(reschedule('2024-05-02T10:00:00+02:00')).then([]);
    });

    it('refuses a bad start or length', () => {
      spec.given([individualCreated, booked]).when(reschedule('not a date')).thenThrows('InvalidDateTime', 'start');
      spec.given([individualCreated, booked]).when(reschedule('0001-01-01T00:00:00Z')).thenThrows('InvalidDateTime', 'start');
      spec.given([individualCreated, booked]).when(reschedule('2024-05-03T08:00:00Z', 2)).thenThrows('InvalidDuration', 'durationMinutes');
    });
  });

  it('refuses a cancelled or completed appointment, and an unknown one', () => {
    const cancelled: ChartEvent = { type: 'AppointmentCancelled', data: { chartId, appointmentId: 'a-1' } };
    const completed: ChartEvent = { type: 'AppointmentCompleted', data: { chartId, appointmentId: 'a-1' } };
    spec.given([individualCreated, booked, cancelled]).when(reschedule('2024-05-03T08:00:00Z')).thenThrows('AppointmentCancelled');
    spec.given([individualCreated, booked, completed]).when(reschedule('2024-05-03T08:00:00Z')).thenThrows('AppointmentAlreadyCompleted');
    spec.given([individualCreated]).when(reschedule('2024-05-03T08:00:00Z')).thenThrows('AppointmentNotFound');
  });
});
