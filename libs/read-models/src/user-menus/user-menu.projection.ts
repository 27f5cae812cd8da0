import type { RecordedEvent, PracticeMemberAdded, PracticeMemberRemoved, PracticeMemberRoleChanged, PracticeRole, PracticeSwitched } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';

export const USER_MENUS = 'user_menus';
export const MENU_SIZE = 5;

/**
 * The user menu of one user: the practice with the check mark and the practices by most recent access.
 * Names are not kept here (see practice_profiles): a rename must not need every member's menu rewritten.
 */
export interface UserMenuDocument extends ReadDocument {
  readonly userId: string;
  readonly selectedPracticeId: string | null;
  /** Every active membership, most recently accessed first; never-accessed ones after, newest join first. */
  readonly order: readonly string[];
  /** The user's role in each practice, by practice id. */
  readonly roles: { readonly [practiceId: string]: PracticeRole };
}

const empty = (userId: string): UserMenuDocument => ({ _id: userId, userId, selectedPracticeId: null, order: [], roles: {} });

const byUserId = (event: RecordedEvent): readonly string[] => [(event.data as { userId: string }).userId];

export const userMenuProjection = defineProjection<UserMenuDocument>({
  name: USER_MENUS,
  indexes: [],
  documentIds: byUserId,
  handlers: {
    PracticeMemberAdded: (doc, event, id) => {
      const { practiceId, role } = (event as RecordedEvent & PracticeMemberAdded).data;
      const menu = doc ?? empty(id);
      const accessed = menu.order.filter((p) => p !== practiceId);
      return {
        ...menu,
        // The first practice a user joins is where they are until they switch.
        selectedPracticeId: menu.selectedPracticeId ?? practiceId,
        order: menu.selectedPracticeId === null ? [practiceId, ...accessed] : [...accessed, practiceId],
        roles: { ...menu.roles, [practiceId]: role },
      };
    },
    PracticeMemberRoleChanged: (doc, event) => {
      const { practiceId, role } = (event as RecordedEvent & PracticeMemberRoleChanged).data;
      return doc && { ...doc, roles: { ...doc.roles, [practiceId]: role } };
    },
    PracticeMemberRemoved: (doc, event) => {
      const { practiceId } = (event as RecordedEvent & PracticeMemberRemoved).data;
      if (doc === null) return null;
      const { [practiceId]: _gone, ...roles } = doc.roles;
      const order = doc.order.filter((p) => p !== practiceId);
      return { ...doc, roles, order, selectedPracticeId: doc.selectedPracticeId === practiceId ? (order[0] ?? null) : doc.selectedPracticeId };
    },
    PracticeSwitched: (doc, event, id) => {
      const { practiceId } = (event as RecordedEvent & PracticeSwitched).data;
      const menu = doc ?? empty(id);
      // A switch decided just before a removal landed after it: the membership is gone, so is the switch.
      if (menu.roles[practiceId] === undefined) return doc;
      return { ...menu, selectedPracticeId: practiceId, order: [practiceId, ...menu.order.filter((p) => p !== practiceId)] };
    },
  },
});
