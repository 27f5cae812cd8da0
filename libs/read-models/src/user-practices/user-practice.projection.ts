import type { RecordedEvent, PracticeMemberAdded, PracticeMemberRemoved, PracticeMemberRoleChanged, PracticeRole, PracticeSwitched } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';

export const USER_PRACTICES = 'user_practices';

/**
 * One document per (user, practice) membership: the My Accounts tab and View More list the active ones
 * with the role. An ended membership is kept (status `ended`) so the user's history can still find the
 * practice; every list filters it out.
 */
export interface UserPracticeDocument extends ReadDocument {
  readonly userId: string;
  readonly practiceId: string;
  readonly role: PracticeRole;
  readonly status: 'active' | 'ended';
  readonly joinedAt: string;
  readonly lastAccessedAt: string | null;
}

export const userPracticeId = (userId: string, practiceId: string): string => `${userId}:${practiceId}`;

const byMembership = (event: RecordedEvent): readonly string[] => {
  const { userId, practiceId } = event.data as { userId: string; practiceId: string };
  return [userPracticeId(userId, practiceId)];
};

export const userPracticeProjection = defineProjection<UserPracticeDocument>({
  name: USER_PRACTICES,
  indexes: [
    { name: 'user_status', keys: { userId: 1, status: 1 } },
    // My Accounts, in the order joined: a page reads its own rows in order.
    { name: 'user_joined', keys: { userId: 1, joinedAt: 1, _id: 1 } },
  ],
  documentIds: byMembership,
  handlers: {
    PracticeMemberAdded: (_doc, event, id) => {
      const { userId, practiceId, role } = (event as RecordedEvent & PracticeMemberAdded).data;
      return { _id: id, userId, practiceId, role, status: 'active', joinedAt: event.metadata.occurredAt, lastAccessedAt: null };
    },
    PracticeMemberRoleChanged: (doc, event) => doc && { ...doc, role: (event as RecordedEvent & PracticeMemberRoleChanged).data.role },
    PracticeMemberRemoved: (doc, event) => doc && { ...doc, role: (event as RecordedEvent & PracticeMemberRemoved).data.role, status: 'ended' },
    PracticeSwitched: (doc, event) =>
      doc && doc.status === 'active' ? { ...doc, lastAccessedAt: (event as RecordedEvent & PracticeSwitched).metadata.occurredAt } : doc,
  },
});
