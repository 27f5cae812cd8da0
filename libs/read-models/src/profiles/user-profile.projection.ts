import { type RecordedEvent, type UserEvent, userEventSchemas } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { userDecider, type RegisteredUser } from '@practice/domain';
import { defineProjection, type EventHandlers } from '../projection';

export const USER_PROFILES = 'user_profiles';

/** The Profile screen (and the members screen's names and clinical info): the user as the decider sees them. */
export type UserProfileDocument = ReadDocument &
  Omit<RegisteredUser, 'status'> & {
    readonly updatedAt: string;
    /** Who last changed the clinical info: the user, or an owner or admin from the members screen. */
    readonly clinicalInfoUpdatedBy: string | null;
  };

// Sign-ins and password changes are history only: they do not change the profile.
const HISTORY_ONLY = new Set(['UserSignedIn', 'UserSignInFailed', 'UserPasswordChanged', 'PracticeSwitched']);

const apply = (doc: UserProfileDocument | null, event: RecordedEvent, id: string): UserProfileDocument | null => {
  const { _id, _position, updatedAt, clinicalInfoUpdatedBy, ...profile } = doc ?? ({} as UserProfileDocument);
  const before = doc === null ? userDecider.initialState() : ({ status: 'registered', ...profile } as RegisteredUser);
  // The same evolve the commands use, so the profile cannot drift from what the decider knows.
  const after = userDecider.evolve(before, event as unknown as UserEvent);
  if (after.status !== 'registered') return doc;
  const { status: _status, ...fields } = after;
  return {
    _id: id,
    ...fields,
    updatedAt: event.metadata.occurredAt,
    clinicalInfoUpdatedBy: event.type === 'UserClinicalInfoUpdated' ? event.metadata.actorUserId : (clinicalInfoUpdatedBy ?? null),
  };
};

export const userProfileProjection = defineProjection<UserProfileDocument>({
  name: USER_PROFILES,
  indexes: [],
  documentIds: (event) => [(event.data as { userId: string }).userId],
  handlers: Object.fromEntries(
    Object.keys(userEventSchemas)
      .filter((type) => !HISTORY_ONLY.has(type))
      .map((type) => [type, apply]),
  ) as EventHandlers<UserProfileDocument>,
});
