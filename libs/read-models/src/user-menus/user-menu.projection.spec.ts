import type { DomainEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { USER_MENUS, userMenuProjection, type UserMenuDocument } from './user-menu.projection';

const joined = (practiceId: string, role = 'clinician'): DomainEvent => ({ type: 'PracticeMemberAdded', data: { practiceId, userId: 'u-1', role } });
const switched = (practiceId: string): DomainEvent => ({ type: 'PracticeSwitched', data: { userId: 'u-1', practiceId } });

describe('user_menus projection', () => {
  const menuAfter = async (events: readonly DomainEvent[], twice = false): Promise<UserMenuDocument | null> => {
    const store = new InMemoryReadStore();
    const collection = store.collection(USER_MENUS);
    const batch = recorded(events);
    await applyBatch(userMenuProjection, collection, batch);
    if (twice) await applyBatch(userMenuProjection, collection, batch);
    return (await collection.get('u-1')) as UserMenuDocument | null;
  };

  it('checks the first practice joined, lists the others after it until they are accessed', async () => {
    const menu = await menuAfter([joined('p-1', 'owner'), joined('p-2'), joined('p-3', 'biller')]);
    expect(menu).toMatchObject({ selectedPracticeId: 'p-1', order: ['p-1', 'p-2', 'p-3'], roles: { 'p-1': 'owner', 'p-2': 'clinician', 'p-3': 'biller' } });
  });

  it('moves a practice to the front and checks it when the user switches into it', async () => {
    const menu = await menuAfter([joined('p-1'), joined('p-2'), joined('p-3'), switched('p-3'), switched('p-2')]);
    expect(menu).toMatchObject({ selectedPracticeId: 'p-2', order: ['p-2', 'p-3', 'p-1'] });
  });

  it('drops a removed membership, and the check mark moves to the most recent remaining practice', async () => {
    const removed: DomainEvent = { type: 'PracticeMemberRemoved', data: { practiceId: 'p-2', userId: 'u-1', role: 'clinician', reason: 'removed' } };
    const menu = await menuAfter([joined('p-1'), joined('p-2'), switched('p-2'), removed]);
    expect(menu).toMatchObject({ selectedPracticeId: 'p-1', order: ['p-1'], roles: { 'p-1': 'clinician' } });
  });

  it('ignores a switch that lands after the membership ended', async () => {
    const removed: DomainEvent = { type: 'PracticeMemberRemoved', data: { practiceId: 'p-2', userId: 'u-1', role: 'clinician', reason: 'removed' } };
    const menu = await menuAfter([joined('p-1'), joined('p-2'), removed, switched('p-2')]);
    expect(menu).toMatchObject({ selectedPracticeId: 'p-1', order: ['p-1'] });
  });

  it('changes nothing when the same events are applied twice', async () => {
    const events = [joined('p-1'), joined('p-2'), switched('p-2'), { type: 'PracticeMemberRoleChanged', data: { practiceId: 'p-2', userId: 'u-1', role: 'admin', previousRole: 'clinician' } }];
    const once = await menuAfter(events);
    const twice = await menuAfter(events, true);
    expect(twice).toEqual(once);
    expect(twice).toMatchObject({ order: ['p-2', 'p-1'], roles: { 'p-2': 'admin' } });
  });
});
