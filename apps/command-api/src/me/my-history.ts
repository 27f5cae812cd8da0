import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { RecordedEvent } from '../../../../libs/events/src/envelope';
import { practiceStream, userStream } from '../../../../libs/events/src/streams';

// Practice events that are about one member: they join the member's own history.
const ABOUT_A_MEMBER = new Set([
  'PracticeMemberAdded',
  'PracticeMemberRoleChanged',
  'PracticeMemberRemoved',
  'PracticeInvitationAccepted',
  'PracticeInvitationDeclined',
]);

const view = (event: RecordedEvent) => ({
  type: event.type,
  occurredAt: event.metadata.occurredAt,
  actorUserId: event.metadata.actorUserId,
  practiceId: event.metadata.practiceId ?? (event.data as { practiceId?: string }).practiceId ?? null,
  commandType: event.metadata.commandType,
  position: event.position,
  data: event.data,
});

/**
 * The user's history: their own stream (profile, sign-ins and failures, password and 2-step changes,
 * switches; no event holds a secret) and, from every practice they belong or belonged to, the events
 * about their membership (joins, role changes, removal). Newest first.
 */
export const myHistory = async (store: EventStore, userId: string, practiceIds: readonly string[]) => {
  const own = await store.readStream(userStream(userId));
  const practices = await Promise.all(practiceIds.map((practiceId) => store.readStream(practiceStream(practiceId))));
  const aboutMe = practices.flat().filter((event) => ABOUT_A_MEMBER.has(event.type) && (event.data as { userId?: string }).userId === userId);
  return [...own, ...aboutMe].sort((a, b) => b.position - a.position).map(view);
};
