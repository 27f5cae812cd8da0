import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { NEEDS_ATTENTION, needsAttentionProjection, type NeedsAttentionDocument } from './needs-attention.projection';

const practiceId = 'p-1';
const roles = { billing: false, signsDocuments: false, receivesReminders: true, viewsUpcomingAppointments: false };
const reasonsOf = (doc: NeedsAttentionDocument | null) => doc?.problems.map((p) => p.reason);

describe('needs_attention projection', () => {
  it('an incomplete client needs attention until its setup is complete; a replay changes nothing', async () => {
    const collection = new InMemoryReadStore().collection<NeedsAttentionDocument>(NEEDS_ATTENTION);
    const created = recorded([{ type: 'ClientCreated', data: { chartId: 'c-1', practiceId, kind: 'individual', firstName: 'Ada', lastName: 'L', email: null } }]);
    await applyBatch(needsAttentionProjection, collection, created);
    expect(await collection.find({ openIn: practiceId })).toHaveLength(1);
    const completed = recorded([{ type: 'ClientSetupCompleted', data: { chartId: 'c-1' } }], { from: 1 });
    await applyBatch(needsAttentionProjection, collection, [...created, ...completed]);
    await applyBatch(needsAttentionProjection, collection, [...created, ...completed]);
    const doc = await collection.get('c-1');
    expect(doc?.problems).toEqual([]);
    expect(doc?.openIn).toBeUndefined();
    expect(await collection.find({ openIn: practiceId })).toEqual([]);
  });

  it('a minor without a billing contact needs attention until a contact bills, again when it stops', async () => {
    const collection = new InMemoryReadStore().collection<NeedsAttentionDocument>(NEEDS_ATTENTION);
    const events = recorded([
      { type: 'ClientCreated', data: { chartId: 'm-1', practiceId, kind: 'minor', firstName: 'Tim', lastName: 'J', email: null } },
      { type: 'ChartContactAdded', data: { chartId: 'm-1', contactId: 'k-1', firstName: 'B', lastName: 'J', relationship: null, clientId: null, roles } },
    ]);
    await applyBatch(needsAttentionProjection, collection, events);
    expect(reasonsOf(await collection.get('m-1'))).toEqual(['ClientSetupIncomplete', 'MinorWithoutBillingContact']);
    const since = (await collection.get('m-1'))!.problems[0].since;
    await applyBatch(needsAttentionProjection, collection, recorded([{ type: 'ChartContactRolesChanged', data: { chartId: 'm-1', contactId: 'k-1', roles: { ...roles, billing: true } } }], { from: 2 }));
    expect(reasonsOf(await collection.get('m-1'))).toEqual(['ClientSetupIncomplete']);
    expect((await collection.get('m-1'))!.problems[0].since).toBe(since);
    await applyBatch(needsAttentionProjection, collection, recorded([{ type: 'ChartContactRemoved', data: { chartId: 'm-1', contactId: 'k-1' } }], { from: 3 }));
    expect(reasonsOf(await collection.get('m-1'))).toEqual(['ClientSetupIncomplete', 'MinorWithoutBillingContact']);
  });

  it('a group chart needs an Identified Patient and a Billing Contact; removing the designated member reopens it', async () => {
    const collection = new InMemoryReadStore().collection<NeedsAttentionDocument>(NEEDS_ATTENTION);
    const events = recorded([
      { type: 'GroupChartCreated', data: { chartId: 'g-1', practiceId, groupKind: 'couple', name: 'The Smiths' } },
      { type: 'IdentifiedPatientDesignated', data: { chartId: 'g-1', clientId: 'a' } },
    ]);
    await applyBatch(needsAttentionProjection, collection, events);
    expect(reasonsOf(await collection.get('g-1'))).toEqual(['GroupChartWithoutBillingContact']);
    await applyBatch(needsAttentionProjection, collection, recorded([
      { type: 'GroupBillingContactDesignated', data: { chartId: 'g-1', clientId: 'b' } },
      { type: 'ChartMemberRemoved', data: { chartId: 'g-1', clientId: 'a' } },
    ], { from: 2 }));
    expect(reasonsOf(await collection.get('g-1'))).toEqual(['GroupChartWithoutIdentifiedPatient']);
    await applyBatch(needsAttentionProjection, collection, recorded([{ type: 'ClientDeleted', data: { chartId: 'g-1', practiceId, email: null } }], { from: 4 }));
    expect(await collection.get('g-1')).toBeNull();
  });
});
