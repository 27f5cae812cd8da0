import { deciderSpec } from '../../../../test/support/decider-spec';
import { productUpdateDecider } from './product-update.decider';

const spec = deciderSpec(productUpdateDecider);
const publish = { type: 'PublishProductUpdate' as const, updateId: 'up-1', subject: ' New: reports ', body: 'Reports are here.\n', publishedAt: '2026-03-01T10:00:00.000Z' };

describe('Publishing a product update', () => {
  it('publishes it once, trimmed; publishing the same update again changes nothing', () => {
    const published = { type: 'ProductUpdatePublished' as const, data: { updateId: 'up-1', subject: 'New: reports', body: 'Reports are here.', publishedAt: '2026-03-01T10:00:00.000Z' } };
    spec.given([]).when(publish).then([published]);
    spec.given([published]).when(publish).then([]);
  });

  it('refuses an empty subject or body, naming the field', () => {
    spec.given([]).when({ ...publish, subject: ' ' }).thenThrows('TitleRequired', 'subject');
    spec.given([]).when({ ...publish, body: '' }).thenThrows('InvalidValue', 'body');
  });
});
