import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { PRACTITIONER_APPOINTMENTS, practitionerAppointmentProjection, type PractitionerAppointmentDocument } from './practitioner-appointments.projection';

describe('practitioner appointments projection (the sidebar)', () => {
  it('keeps each appointment with its end and status, and ignores a replay (the same events twice)', async () => {
    const collection = new InMemoryReadStore().collection<PractitionerAppointmentDocument>(PRACTITIONER_APPOINTMENTS);
    const booked = (appointmentId: string, start: string) => ({ type: 'AppointmentBooked', data: { chartId: 'c-1', appointmentId, start, durationMinutes: 50, practitionerId: 'u-1' } });
    const batch = recorded([
      booked('a-1', '2026-03-01T10:00:00+01:00'),
      booked('a-2', '2026-03-02T10:00:00Z'),
      { type: 'AppointmentCancelled', data: { chartId: 'c-1', appointmentId: 'a-2' } },
    ]);
    await applyBatch(practitionerAppointmentProjection, collection, batch);
    await applyBatch(practitionerAppointmentProjection, collection, batch);
    const docs = await collection.find({}, { sort: { _id: 1 } });
    expect(docs.map((d) => [d._id, d.status, d.start, d.end])).toEqual([
      ['a-1', 'booked', '2026-03-01T09:00:00.000Z', '2026-03-01T09:50:00.000Z'],
      ['a-2', 'cancelled', '2026-03-02T10:00:00.000Z', '2026-03-02T10:50:00.000Z'],
    ]);
  });
});
