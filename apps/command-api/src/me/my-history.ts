import type { EventStore } from '@practice/event-store';
import { type RecordedEvent, practiceStream, userStream } from '@practice/events';
import { Keyset, limitOf, type PageQueryDto } from '../http/keyset-page';

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

// Newest first by log position, unique across every stream: the cursor is the last item's position.
const historyKeyset = new Keyset('my-history', ['number']);

/**
 * The user's history: their own stream (profile, sign-ins and failures, password and 2-step changes,
 * switches; no event holds a secret) and, from every practice they belong or belonged to, the events
 * about their membership (joins, role changes, removal). Newest first, keyset-paged by position.
 */
export const myHistory = async (store: EventStore, userId: string, practiceIds: readonly string[], query: PageQueryDto) => {
  const before = query.cursor === undefined ? undefined : (historyKeyset.decode(query.cursor)[0] as number);
  const own = await store.readStream(userStream(userId));
  const practices = await Promise.all(practiceIds.map((practiceId) => store.readStream(practiceStream(practiceId))));
  const aboutMe = practices.flat().filter((event) => ABOUT_A_MEMBER.has(event.type) && (event.data as { userId?: string }).userId === userId);
  const newestFirst = [...own, ...aboutMe]
    .filter((event) => before === undefined || event.position < before)
    .sort((a, b) => b.position - a.position);
  const page = historyKeyset.page(newestFirst, limitOf(query), (event) => [event.position]);
  return { items: page.items.map(view), nextCursor: page.nextCursor };
};
