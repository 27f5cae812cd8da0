import type { ProductUpdatePublished } from '@practice/events';
import { productUpdateEmails, productUpdateMessageName } from './product-updates';

const published: ProductUpdatePublished = {
  type: 'ProductUpdatePublished',
  data: { updateId: 'up-1', subject: 'New: reports', body: 'Reports are here.', publishedAt: '2026-03-01T10:00:00.000Z' },
};
const recorded = { event: published, eventId: 'e-1', occurredAt: '2026-03-01T10:00:00.000Z' };

describe('Product Updates & Tips', () => {
  it('given an update published, then one message per user with the category on, named by the update and the user', () => {
    const users = [
      { userId: 'u-1', email: 'ada@example.com', productUpdatesAndTips: true },
      { userId: 'u-2', email: 'bea@example.com', productUpdatesAndTips: false },
    ];
    expect(productUpdateEmails(recorded, { users })).toEqual([
      {
        kind: 'queue',
        name: productUpdateMessageName('up-1', 'u-1'),
        message: { kind: 'product-update', practiceId: null, to: 'ada@example.com', refs: { userId: 'u-1', updateId: 'up-1' }, dueAt: '2026-03-01T10:00:00.000Z' },
      },
    ]);
  });

  it('given the update handled again, then the same names (nothing twice); no users, nothing', () => {
    const users = [{ userId: 'u-1', email: 'ada@example.com', productUpdatesAndTips: true }];
    expect(productUpdateEmails({ ...recorded, eventId: 'e-2' }, { users })).toEqual(productUpdateEmails(recorded, { users }));
    expect(productUpdateEmails(recorded, { users: [] })).toEqual([]);
  });
});
