import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { CHARTS, chartDocumentProjection } from './chart-document.projection';
import type { ChartDocument } from './chart.document';

describe('charts projection: appointment fees and statuses', () => {
  it('keeps the service and fee of each appointment, and late cancellations and no-shows as statuses of their own; a replay changes nothing', async () => {
    const collection = new InMemoryReadStore().collection<ChartDocument>(CHARTS);
    const booked = (appointmentId: string) => ({
      type: 'AppointmentBooked',
      data: { chartId: 'c-1', appointmentId, start: '2026-01-05T10:00:00.000Z', durationMinutes: 60, practitionerId: 'u-1', service: { serviceId: 's-1', code: '90837', name: 'Psychotherapy' }, fee: { amount: 15000, currency: 'USD' } },
    });
    const batch = recorded([
      { type: 'ClientCreated', data: { chartId: 'c-1', practiceId: 'p-1', kind: 'individual', firstName: 'Ada', lastName: 'Lovelace', email: null } },
      booked('a-1'),
      booked('a-2'),
      booked('a-3'),
      { type: 'AppointmentLateCancelled', data: { chartId: 'c-1', appointmentId: 'a-1' } },
      { type: 'AppointmentMarkedNoShow', data: { chartId: 'c-1', appointmentId: 'a-2' } },
      { type: 'AppointmentCancelled', data: { chartId: 'c-1', appointmentId: 'a-3' } },
      { type: 'ChargeRecorded', data: { chartId: 'c-1', chargeId: 'a-2', appointmentId: 'a-2', kind: 'no-show', date: '2026-01-05', start: '2026-01-05T10:00:00.000Z', serviceId: null, serviceCode: null, serviceName: null, practitionerId: 'u-1', amount: 100, currency: 'USD' } },
    ]).map((event, revision) => ({ ...event, revision }));
    await applyBatch(chartDocumentProjection, collection, batch);
    await applyBatch(chartDocumentProjection, collection, batch);
    const doc = await collection.get('c-1');
    // The revision (the chart's ETag) follows billing events too, though the document shows none of them.
    expect(doc!.revision).toBe(7);
    expect(doc!.appointments.map((a) => [a.appointmentId, a.status, a.fee?.amount, a.service?.code])).toEqual([
      ['a-1', 'late-cancelled', 15000, '90837'],
      ['a-2', 'no-show', 15000, '90837'],
      ['a-3', 'cancelled', 15000, '90837'],
    ]);
  });
});
