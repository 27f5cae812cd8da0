import type { AppointmentEvent, RecordedEvent } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';

export const PRACTITIONER_APPOINTMENTS = 'practitioner_appointments';

/** One appointment, for its practitioner's sidebar ("your current and upcoming appointments"). */
export interface PractitionerAppointmentDocument extends ReadDocument {
  readonly practiceId: string | null;
  readonly practitionerId: string;
  readonly chartId: string;
  readonly start: string;
  readonly end: string;
  readonly durationMinutes: number;
  readonly status: 'booked' | 'cancelled' | 'completed' | 'late-cancelled' | 'no-show';
}

type Handler<T extends AppointmentEvent['type']> = (
  doc: PractitionerAppointmentDocument | null,
  event: RecordedEvent & Extract<AppointmentEvent, { type: T }>,
) => PractitionerAppointmentDocument | null;

const handlers: { [K in AppointmentEvent['type']]: Handler<K> } = {
  AppointmentBooked: (_doc, { data, metadata }) => ({
    _id: data.appointmentId,
    practiceId: metadata.practiceId,
    practitionerId: data.practitionerId,
    chartId: data.chartId,
    start: new Date(data.start).toISOString(),
    end: new Date(Date.parse(data.start) + data.durationMinutes * 60_000).toISOString(),
    durationMinutes: data.durationMinutes,
    status: 'booked',
  }),
  AppointmentCancelled: (doc) => (doc === null ? null : { ...doc, status: 'cancelled' }),
  AppointmentCompleted: (doc) => (doc === null ? null : { ...doc, status: 'completed' }),
  AppointmentLateCancelled: (doc) => (doc === null ? null : { ...doc, status: 'late-cancelled' }),
  AppointmentMarkedNoShow: (doc) => (doc === null ? null : { ...doc, status: 'no-show' }),
  AppointmentRescheduled: (doc, { data }) =>
    doc === null
      ? null
      : { ...doc, start: data.start, end: new Date(Date.parse(data.start) + data.durationMinutes * 60_000).toISOString(), durationMinutes: data.durationMinutes },
};

export const practitionerAppointmentProjection = defineProjection<PractitionerAppointmentDocument>({
  name: PRACTITIONER_APPOINTMENTS,
  indexes: [{ name: 'practice_practitioner_status_start', keys: { practiceId: 1, practitionerId: 1, status: 1, start: 1, _id: 1 } }],
  documentIds: (event) => [(event.data as { appointmentId: string }).appointmentId],
  handlers: handlers as never,
});
