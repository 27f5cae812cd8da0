import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { CONTACTS, contactProjection } from './contact.projection';

const roles = { billing: true, signsDocuments: false, receivesReminders: true, viewsUpcomingAppointments: false };

describe('contacts projection', () => {
  it('keeps a contact with the charts it is linked to and its roles there; a replay changes nothing', async () => {
    const collection = new InMemoryReadStore().collection(CONTACTS);
    const batch = recorded([
      { type: 'ContactCreated', data: { contactId: 'k-1', practiceId: 'p-1', firstName: 'Bob', lastName: 'Jones', email: null, phone: null, clientId: null } },
      { type: 'ChartContactAdded', data: { chartId: 'm-1', contactId: 'k-1', firstName: 'Bob', lastName: 'Jones', relationship: 'father', clientId: null, roles } },
      { type: 'ChartContactAdded', data: { chartId: 'm-2', contactId: 'k-1', firstName: 'Bob', lastName: 'Jones', relationship: 'father', clientId: null, roles } },
      { type: 'ChartContactRolesChanged', data: { chartId: 'm-1', contactId: 'k-1', roles: { ...roles, billing: false } } },
      { type: 'ChartContactRemoved', data: { chartId: 'm-2', contactId: 'k-1' } },
      { type: 'ContactDetailsEdited', data: { contactId: 'k-1', firstName: 'Robert', lastName: 'Jones', email: 'rob@example.com', phone: null } },
    ]);
    await applyBatch(contactProjection, collection, batch);
    const once = await collection.get('k-1');
    await applyBatch(contactProjection, collection, batch);
    expect(await collection.get('k-1')).toEqual(once);
    expect(once).toMatchObject({
      firstName: 'Robert',
      email: 'rob@example.com',
      charts: [{ chartId: 'm-1', relationship: 'father', roles: { ...roles, billing: false } }],
      sortName: 'jones robert',
    });
  });

  it('drops a deleted chart from the contacts it was linked to', async () => {
    const collection = new InMemoryReadStore().collection(CONTACTS);
    const batch = recorded([
      { type: 'ContactCreated', data: { contactId: 'k-2', practiceId: 'p-1', firstName: 'Ann', lastName: 'Lee', email: null, phone: null, clientId: null } },
      { type: 'ChartContactAdded', data: { chartId: 'm-3', contactId: 'k-2', firstName: 'Ann', lastName: 'Lee', relationship: 'mother', clientId: null, roles } },
      { type: 'ChartContactAdded', data: { chartId: 'm-4', contactId: 'k-2', firstName: 'Ann', lastName: 'Lee', relationship: 'mother', clientId: null, roles } },
      { type: 'ClientDeleted', data: { chartId: 'm-3', practiceId: 'p-1', email: null, contactIds: ['k-2'] } },
    ]);
    await applyBatch(contactProjection, collection, batch);
    await applyBatch(contactProjection, collection, batch);
    expect((await collection.get('k-2'))?.charts).toEqual([{ chartId: 'm-4', relationship: 'mother', roles }]);
  });
});
