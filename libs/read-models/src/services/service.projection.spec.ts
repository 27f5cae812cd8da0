import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { SERVICES, serviceProjection, type ServiceDocument } from './service.projection';

describe('services projection (the catalogue)', () => {
  it('keeps each service as it is now, flags retired ones, and ignores a replay', async () => {
    const collection = new InMemoryReadStore().collection<ServiceDocument>(SERVICES);
    const rate = { amount: 15000, currency: 'USD' };
    const batch = recorded([
      { type: 'ServiceAdded', data: { practiceId: 'p-1', serviceId: 's-1', name: 'Intake', code: '90791', durationMinutes: 60, rate } },
      { type: 'ServiceAdded', data: { practiceId: 'p-1', serviceId: 's-2', name: 'Psychotherapy', code: '90837', durationMinutes: 60, rate } },
      { type: 'ServiceChanged', data: { practiceId: 'p-1', serviceId: 's-2', name: 'Psychotherapy', code: '90837', durationMinutes: 55, rate: { amount: 16000, currency: 'USD' } } },
      { type: 'ServiceRetired', data: { practiceId: 'p-1', serviceId: 's-1' } },
    ]);
    await applyBatch(serviceProjection, collection, batch);
    await applyBatch(serviceProjection, collection, batch);
    const docs = await collection.find({ practiceId: 'p-1' }, { sort: { sortName: 1 } });
    expect(docs.map((d) => [d._id, d.durationMinutes, d.rate.amount, d.retired])).toEqual([
      ['s-1', 60, 15000, true],
      ['s-2', 55, 16000, false],
    ]);
  });
});
