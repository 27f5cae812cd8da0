import type { DomainEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { USER_PRACTICES, userPracticeProjection } from './user-practice.projection';

describe('user_practices projection', () => {
  const events: DomainEvent[] = [
    { type: 'PracticeMemberAdded', data: { practiceId: 'p-1', userId: 'u-1', role: 'owner' } },
    { type: 'PracticeMemberAdded', data: { practiceId: 'p-2', userId: 'u-1', role: 'clinician' } },
    { type: 'PracticeMemberRoleChanged', data: { practiceId: 'p-2', userId: 'u-1', role: 'biller', previousRole: 'clinician' } },
    { type: 'PracticeSwitched', data: { userId: 'u-1', practiceId: 'p-2' } },
    { type: 'PracticeMemberRemoved', data: { practiceId: 'p-1', userId: 'u-1', role: 'owner', reason: 'left' } },
  ];

  it('keeps every membership with its role, ends removed ones, and is unchanged by a replay', async () => {
    const store = new InMemoryReadStore();
    const collection = store.collection(USER_PRACTICES);
    const batch = recorded(events);
    await applyBatch(userPracticeProjection, collection, batch);
    const once = await collection.find({ userId: 'u-1' }, { sort: { practiceId: 1 } });
    await applyBatch(userPracticeProjection, collection, batch);
    expect(await collection.find({ userId: 'u-1' }, { sort: { practiceId: 1 } })).toEqual(once);
    expect(once).toEqual([
      expect.objectContaining({ practiceId: 'p-1', role: 'owner', status: 'ended' }),
      expect.objectContaining({ practiceId: 'p-2', role: 'biller', status: 'active', lastAccessedAt: batch[3].metadata.occurredAt }),
    ]);
  });
});
