import type { ProductUpdatePublished } from '@practice/events';
import { normalizeEmail } from '../shared/email-address';
import type { MessagingAction, Recorded } from './message-workflows';

/** The message of one update to one user: at most one, whatever replays. */
export const productUpdateMessageName = (updateId: string, userId: string): string => `product-update|${updateId}|${userId}`;

export interface ProductUpdateRecipient {
  readonly userId: string;
  readonly email: string;
  readonly productUpdatesAndTips: boolean;
}

/**
 * "Product Updates & Tips": a published update goes to every user with that category on, one message
 * per (update, user). It names nothing of the user but the address it goes to (and their first name in
 * the greeting, looked up when it is sent).
 */
export const productUpdateEmails = (given: Recorded<ProductUpdatePublished>, facts: { readonly users: readonly ProductUpdateRecipient[] }): MessagingAction[] => {
  const { updateId } = given.event.data;
  const seen = new Set<string>();
  return facts.users
    .filter((user) => user.productUpdatesAndTips)
    .filter((user) => !seen.has(normalizeEmail(user.email)) && seen.add(normalizeEmail(user.email)) !== undefined)
    .map((user) => ({
      kind: 'queue' as const,
      name: productUpdateMessageName(updateId, user.userId),
      message: { kind: 'product-update' as const, practiceId: null, to: user.email, refs: { userId: user.userId, updateId }, dueAt: given.occurredAt },
    }));
};
