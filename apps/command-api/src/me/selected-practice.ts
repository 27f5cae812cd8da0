import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { USER_MENUS, type UserMenuDocument } from '../../../../libs/read-models/src/user-menus/user-menu.projection';

/**
 * The practice with the check mark, from one place: the user menu read model, which follows joins,
 * switches and removals. `GET /me`, `GET /me/menu` and `GET /me/practices` all answer from it, so they
 * cannot disagree.
 */
export const selectedPracticeOf = async (readStore: ReadStore, userId: string): Promise<string | null> =>
  (await readStore.collection<UserMenuDocument>(USER_MENUS).get(userId))?.selectedPracticeId ?? null;
