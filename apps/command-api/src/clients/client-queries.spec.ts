import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch, CLIENTS, clientListProjection, segment, TAGS, tagProjection } from '@practice/read-models';
import { recorded } from '../../../../libs/read-models/src/profiles/recorded-events.fixture';
import type { DomainEvent } from '@practice/events';
import { listClients } from './client-queries';

/**
 * The client list of a practice of 100,000 clients: every filter reads its own segment of the
 * practice in page order (asserted on the query plan, not on a clock).
 */
describe('the client list of a large practice', () => {
  const practiceId = 'p-big';
  const store = new InMemoryReadStore();
  const clients = store.collection(CLIENTS);
  const N = 100_000;

  beforeAll(async () => {
    await clients.ensureIndexes(clientListProjection.indexes);
    const events: DomainEvent[] = [{ type: 'TagDefined', data: { practiceId, tagId: 't-rare', name: 'EMDR' } }];
    for (let i = 0; i < N; i += 1) {
      const chartId = `c-${String(i).padStart(6, '0')}`;
      events.push({ type: 'ClientCreated', data: { chartId, practiceId, kind: i % 10 === 0 ? 'minor' : 'individual', firstName: `F${i}`, lastName: `L${String(i).padStart(6, '0')}`, email: null } });
      if (i % 1000 === 7) events.push({ type: 'ClientTagged', data: { chartId, tagId: 't-rare' } });
      if (i % 500 === 3) events.push({ type: 'ClientDeactivated', data: { chartId } });
      if (i % 2 === 0) events.push({ type: 'ClientSetupCompleted', data: { chartId } });
    }
    const batch = recorded(events);
    await applyBatch(tagProjection, store.collection(TAGS), batch);
    await applyBatch(clientListProjection, clients, batch);
  }, 120_000);

  const planOf = (filter: Record<string, unknown>) => clients.explain(filter, { sort: { sortName: 1, _id: 1 }, limit: 51 });

  it('reads a tag, a status or a kind segment, not the practice', async () => {
    const tagged = await listClients(store, practiceId, { tag: 't-rare' as string, limit: 200 });
    expect(tagged.items).toHaveLength(100);
    expect(tagged.items[0].tags).toEqual([{ tagId: 't-rare', name: 'EMDR' }]);
    expect(planOf({ practiceId, $and: [{ segments: segment(practiceId, 'tag', 't-rare') }] })).toEqual({ index: 'segments_sortName', candidates: 100, sorted: true });

    const inactive = await listClients(store, practiceId, { status: 'Inactive', limit: 200 });
    expect(inactive.items).toHaveLength(200);
    expect(inactive.items.every((item) => item.status === 'Inactive')).toBe(true);
    expect(planOf({ practiceId, $and: [{ segments: segment(practiceId, 'status', 'Inactive') }] }).candidates).toBe(200);

    const minors = await listClients(store, practiceId, { kind: 'minor', incomplete: 'true' });
    expect(minors.items.every((item) => item.kind === 'minor' && item.incomplete)).toBe(true);
  });

  it('pages the whole practice in name order with a cursor', async () => {
    const first = await listClients(store, practiceId, { limit: 2 });
    expect(first.items.map((item) => item.lastName)).toEqual(['L000000', 'L000001']);
    const second = await listClients(store, practiceId, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.lastName)).toEqual(['L000002', 'L000003']);
    expect(planOf({ practiceId }).sorted).toBe(true);
  });
});
