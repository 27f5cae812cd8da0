import type { ReadStore } from '@practice/read-store';
import { USER_MENUS, type UserMenuDocument } from '@practice/read-models';

/**
 * The practice with the check mark, from one place: the user menu read model, which follows joins,
 * switches and removals. `GET /me`, `GET /me/menu` and `GET /me/practices` all answer from it, so they
 * cannot disagree.
 */
export const selectedPracticeOf = async (readStore: ReadStore, userId: string): Promise<string | null> =>
  (await readStore.collection<UserMenuDocument>(USER_MENUS).get(userId))?.selectedPracticeId ?? null;
