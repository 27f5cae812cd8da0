import type { RecordedEvent, PracticeMemberAdded, PracticeMemberRoleChanged, PracticeRole } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';

export const PRACTICE_MEMBERS = 'practice_members';

/**
 * Account Settings > Members: one document per member of a practice with the role. Names and clinical
 * info are the user's own (user_profiles) and are joined when the list is read, so an edit of a profile
 * shows in every practice of that user without rewriting them.
 */
export interface PracticeMemberDocument extends ReadDocument {
  readonly practiceId: string;
  readonly userId: string;
  readonly role: PracticeRole;
  readonly joinedAt: string;
}

export const practiceMemberId = (practiceId: string, userId: string): string => `${practiceId}:${userId}`;

const byMember = (event: RecordedEvent): readonly string[] => {
  const { userId, practiceId } = event.data as { userId: string; practiceId: string };
  return [practiceMemberId(practiceId, userId)];
};

export const practiceMemberProjection = defineProjection<PracticeMemberDocument>({
  name: PRACTICE_MEMBERS,
  indexes: [{ name: 'practice_joined', keys: { practiceId: 1, joinedAt: 1 } }],
  documentIds: byMember,
  handlers: {
    PracticeMemberAdded: (_doc, event, id) => {
      const { userId, practiceId, role } = (event as RecordedEvent & PracticeMemberAdded).data;
      return { _id: id, practiceId, userId, role, joinedAt: event.metadata.occurredAt };
    },
    PracticeMemberRoleChanged: (doc, event) => doc && { ...doc, role: (event as RecordedEvent & PracticeMemberRoleChanged).data.role },
    PracticeMemberRemoved: () => null,
  },
});
