import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@practice/event-store';
import { eventCodec, practiceStream, type NewEvent } from '@practice/events';
import { PracticeAccess } from './practice-access';

/**
 * Membership checks are cached per practice, keyed by the practice stream's revision: every check
 * reads what the stream gained since the cached revision, so a removal is seen by the very next check
 * (on every API replica, each with its own cache), never admitting a removed member.
 */
describe('PracticeAccess', () => {
  const practiceId = randomUUID();
  const owner = randomUUID();
  const clinician = randomUUID();
  let store: SqliteEventStore;
  let revision: number;

  const event = (type: string, data: object): NewEvent =>
    ({
      type,
      data,
      metadata: { eventId: randomUUID(), schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z', actorUserId: owner, practiceId, correlationId: randomUUID(), causationId: null, commandType: type },
    }) as NewEvent;
  const append = async (type: string, data: object) => {
    revision = (await store.appendToStream(practiceStream(practiceId), [event(type, data)], { expectedRevision: revision })).nextExpectedRevision;
  };

  beforeEach(async () => {
    store = new SqliteEventStore({ filename: ':memory:', codec: eventCodec });
    revision = (
      await store.appendToStream(
        practiceStream(practiceId),
        [event('PracticeCreated', { practiceId, name: 'Harbour', createdBy: owner }), event('PracticeMemberAdded', { practiceId, userId: owner, role: 'owner' })],
        { expectedRevision: 'no_stream' },
      )
    ).nextExpectedRevision;
  });
  afterEach(() => store.close());

  it('admits a member, and refuses them at the first check after their removal', async () => {
    const access = new PracticeAccess(store);
    const replica = new PracticeAccess(store);
    await append('PracticeMemberAdded', { practiceId, userId: clinician, role: 'clinician' });
    expect((await access.requireMember(practiceId, clinician)).role).toBe('clinician');
    expect(await replica.isMember(practiceId, clinician)).toBe(true);

    await append('PracticeMemberRemoved', { practiceId, userId: clinician, role: 'clinician', reason: 'removed' });
    await expect(access.requireMember(practiceId, clinician)).rejects.toMatchObject({ code: 'PracticeNotFound' });
    expect(await replica.isMember(practiceId, clinician)).toBe(false);
    expect((await access.requireMember(practiceId, owner)).role).toBe('owner');
  });

  it('sees a role change at the next check, and a member added again after removal', async () => {
    const access = new PracticeAccess(store);
    await append('PracticeMemberAdded', { practiceId, userId: clinician, role: 'clinician' });
    expect((await access.requireMember(practiceId, clinician)).role).toBe('clinician');
    await append('PracticeMemberRoleChanged', { practiceId, userId: clinician, role: 'admin', previousRole: 'clinician' });
    expect((await access.requireMember(practiceId, clinician)).role).toBe('admin');
    await append('PracticeMemberRemoved', { practiceId, userId: clinician, role: 'admin', reason: 'left' });
    expect(await access.isMember(practiceId, clinician)).toBe(false);
    await append('PracticeMemberAdded', { practiceId, userId: clinician, role: 'clinician' });
    expect(await access.isMember(practiceId, clinician)).toBe(true);
  });
});
