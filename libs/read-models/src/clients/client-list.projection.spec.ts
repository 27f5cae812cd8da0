import type { DomainEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { CLIENTS, clientListProjection } from './client-list.projection';

const practiceId = 'p-1';
const created = { type: 'ClientCreated', data: { chartId: 'c-1', practiceId, kind: 'individual', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } };

describe('clients projection (the client list)', () => {
  it('follows name, email, phone, tags, setup and status; the same events applied twice change nothing', async () => {
    const collection = new InMemoryReadStore().collection(CLIENTS);
    const batch = recorded([
      created,
      { type: 'ClientProfileEdited', data: { chartId: 'c-1', firstName: 'Augusta', lastName: 'King', phone: '+14155550132', gender: null, location: null } },
      { type: 'ClientEmailChanged', data: { chartId: 'c-1', email: 'augusta@example.com' } },
      { type: 'ClientTagged', data: { chartId: 'c-1', tagId: 't-1' } },
      { type: 'ClientTagged', data: { chartId: 'c-1', tagId: 't-2' } },
      { type: 'ClientUntagged', data: { chartId: 'c-1', tagId: 't-1' } },
      { type: 'ClientSetupCompleted', data: { chartId: 'c-1' } },
      { type: 'PortalInvitationSent', data: { chartId: 'c-1', email: 'augusta@example.com', sentAt: '2026-01-01T00:00:00.000Z', resend: false } },
    ]);
    await applyBatch(clientListProjection, collection, batch);
    const once = await collection.get('c-1');
    await applyBatch(clientListProjection, collection, batch);
    expect(await collection.get('c-1')).toEqual(once);
    expect(once).toMatchObject({
      firstName: 'Augusta',
      lastName: 'King',
      email: 'augusta@example.com',
      phone: '+14155550132',
      tagIds: ['t-2'],
      incomplete: false,
      status: 'Pending',
      sortName: 'king augusta',
      segments: ['p-1|status:Pending', 'p-1|kind:individual', 'p-1|incomplete:false', 'p-1|tag:t-2'],
    });
    expect(once!.searchText).toContain('augusta@example.com');
  });

  it('moves between Active, Pending and Inactive', async () => {
    const collection = new InMemoryReadStore().collection(CLIENTS);
    const status = async () => (await collection.get('c-1'))?.status;
    const steps = recorded([
      created,
      { type: 'PortalInvitationSent', data: { chartId: 'c-1', email: 'ada@example.com', sentAt: '2026-01-01T00:00:00.000Z', resend: false } },
      { type: 'ClientDeactivated', data: { chartId: 'c-1' } },
      { type: 'ClientReactivated', data: { chartId: 'c-1' } },
      { type: 'PortalInvitationAccepted', data: { chartId: 'c-1', acceptedAt: '2026-01-01T00:00:05.000Z' } },
    ]);
    const seen = [];
    for (const event of steps) {
      await applyBatch(clientListProjection, collection, [event]);
      seen.push(await status());
    }
    expect(seen).toEqual(['Active', 'Pending', 'Inactive', 'Pending', 'Active']);
  });

  it('keeps its search keys and segments in step with the fields they follow, one event at a time', async () => {
    const collection = new InMemoryReadStore().collection(CLIENTS);
    const derived = async () => {
      const doc = (await collection.get('c-1'))!;
      return { sortName: doc.sortName, searchText: doc.searchText, searchPrefixes: doc.searchPrefixes, searchWords: doc.searchWords, segments: doc.segments };
    };
    const ada = {
      sortName: 'lovelace ada',
      searchText: 'ada lovelace ada@example.com',
      searchPrefixes: ['p-1|a', 'p-1|ad', 'p-1|ada', 'p-1|l', 'p-1|lo', 'p-1|lov'],
      searchWords: ['p-1|ada', 'p-1|lovelace', 'p-1|ada@example.com'],
    };
    const segments = (...rest: string[]) => ['p-1|status:Active', 'p-1|kind:individual', ...rest];
    const steps: [DomainEvent, object][] = [
      [created as DomainEvent, { ...ada, segments: segments('p-1|incomplete:true') }],
      [
        { type: 'LegalNameSet', data: { chartId: 'c-1', firstName: 'Augusta', lastName: 'King' } },
        {
          searchText: 'ada lovelace augusta king ada@example.com',
          searchPrefixes: [...ada.searchPrefixes, 'p-1|au', 'p-1|aug', 'p-1|k', 'p-1|ki', 'p-1|kin'],
          searchWords: ['p-1|ada', 'p-1|lovelace', 'p-1|augusta', 'p-1|king', 'p-1|ada@example.com'],
        },
      ],
      [{ type: 'ClientSetupCompleted', data: { chartId: 'c-1' } }, { searchText: 'ada lovelace augusta king ada@example.com', segments: segments('p-1|incomplete:false') }],
      // After a change that kept the search keys, a change of the legal name moves them again.
      [{ type: 'LegalNameCleared', data: { chartId: 'c-1' } }, { ...ada, segments: segments('p-1|incomplete:false') }],
      [{ type: 'ClientTagged', data: { chartId: 'c-1', tagId: 't-1' } }, { ...ada, segments: segments('p-1|incomplete:false', 'p-1|tag:t-1') }],
      [
        { type: 'ClientProfileEdited', data: { chartId: 'c-1', firstName: 'Grace', lastName: 'Hopper', phone: null, gender: null, location: null } },
        { sortName: 'hopper grace', searchText: 'grace hopper ada@example.com', searchWords: ['p-1|grace', 'p-1|hopper', 'p-1|ada@example.com'], segments: segments('p-1|incomplete:false', 'p-1|tag:t-1') },
      ],
      [{ type: 'ClientEmailChanged', data: { chartId: 'c-1', email: 'grace@example.com' } }, { searchText: 'grace hopper grace@example.com', searchWords: ['p-1|grace', 'p-1|hopper', 'p-1|grace@example.com'] }],
      [
        { type: 'ClientDeactivated', data: { chartId: 'c-1' } },
        { searchText: 'grace hopper grace@example.com', segments: ['p-1|status:Inactive', 'p-1|kind:individual', 'p-1|incomplete:false', 'p-1|tag:t-1'] },
      ],
      [{ type: 'ClientUntagged', data: { chartId: 'c-1', tagId: 't-1' } }, { segments: ['p-1|status:Inactive', 'p-1|kind:individual', 'p-1|incomplete:false'] }],
    ];
    const events = recorded(steps.map(([event]) => event));
    for (const [index, event] of events.entries()) {
      await applyBatch(clientListProjection, collection, [event]);
      expect({ step: event.type, ...(await derived()) }).toMatchObject({ step: event.type, ...steps[index][1] });
    }
  });

  it('lists a group chart under its name and drops a deleted client', async () => {
    const collection = new InMemoryReadStore().collection(CLIENTS);
    await applyBatch(clientListProjection, collection, recorded([
      { type: 'GroupChartCreated', data: { chartId: 'g-1', practiceId, groupKind: 'couple', name: 'The Smiths' } },
      created,
      { type: 'ClientDeleted', data: { chartId: 'c-1', practiceId, email: 'ada@example.com' } },
    ]));
    expect(await collection.get('g-1')).toMatchObject({ kind: 'group', firstName: 'The Smiths', incomplete: false, sortName: 'the smiths' });
    expect(await collection.get('c-1')).toBeNull();
  });
});
