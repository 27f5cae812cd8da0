import type { DomainEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { PRACTICE_MEMBERS, practiceMemberProjection } from './practice-member.projection';
import { PRACTICE_INVITATIONS, practiceInvitationProjection } from './practice-invitation.projection';

describe('practice_members projection', () => {
  it('lists members with their current role, removes a removed one, and is unchanged by a replay', async () => {
    const collection = new InMemoryReadStore().collection(PRACTICE_MEMBERS);
    const batch = recorded([
      { type: 'PracticeMemberAdded', data: { practiceId: 'p-1', userId: 'u-1', role: 'owner' } },
      { type: 'PracticeMemberAdded', data: { practiceId: 'p-1', userId: 'u-2', role: 'clinician' } },
      { type: 'PracticeMemberAdded', data: { practiceId: 'p-1', userId: 'u-3', role: 'scheduler' } },
      { type: 'PracticeMemberRoleChanged', data: { practiceId: 'p-1', userId: 'u-2', role: 'admin', previousRole: 'clinician' } },
      { type: 'PracticeMemberRemoved', data: { practiceId: 'p-1', userId: 'u-3', role: 'scheduler', reason: 'removed' } },
    ]);
    await applyBatch(practiceMemberProjection, collection, batch);
    await applyBatch(practiceMemberProjection, collection, batch);
    const members = await collection.find({ practiceId: 'p-1' }, { sort: { joinedAt: 1 } });
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      ['u-1', 'owner'],
      ['u-2', 'admin'],
    ]);
  });
});

describe('practice_invitations projection', () => {
  const invited: DomainEvent = {
    type: 'PracticeMemberInvited',
    data: { practiceId: 'p-1', invitationId: 'i-1', email: 'Grace@Example.com', role: 'clinician', expiresAt: '2026-01-15T00:00:00.000Z' },
  };

  it('finds an invitation by its email in any case, with who invited, then records the answer', async () => {
    const collection = new InMemoryReadStore().collection(PRACTICE_INVITATIONS);
    const batch = recorded([invited, { type: 'PracticeInvitationDeclined', data: { practiceId: 'p-1', invitationId: 'i-1', userId: 'u-9' } }], { actorUserId: 'u-admin' });
    await applyBatch(practiceInvitationProjection, collection, batch.slice(0, 1));
    expect(await collection.find({ emailKey: 'grace@example.com', status: 'pending' })).toEqual([
      expect.objectContaining({ invitationId: 'i-1', practiceId: 'p-1', role: 'clinician', invitedBy: 'u-admin' }),
    ]);
    await applyBatch(practiceInvitationProjection, collection, batch);
    await applyBatch(practiceInvitationProjection, collection, batch);
    expect(await collection.get('i-1')).toMatchObject({ status: 'declined', answeredAt: batch[1].metadata.occurredAt });
  });
});
