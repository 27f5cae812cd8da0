import type { ProductUpdateEvent } from '@practice/events';
import type { Decider } from '../shared/decider';
import { invalid } from '../shared/domain-error';

/** A published product update: its stream `productupdate-<id>` holds one event; publishing it again changes nothing. */
export type ProductUpdateState = { readonly status: 'none' } | { readonly status: 'published'; readonly updateId: string };

export interface PublishProductUpdate {
  readonly type: 'PublishProductUpdate';
  readonly updateId: string;
  readonly subject: string;
  readonly body: string;
  readonly publishedAt: string;
}

const decide = (command: PublishProductUpdate, state: ProductUpdateState): readonly ProductUpdateEvent[] => {
  if (state.status === 'published') return [];
  const subject = command.subject.replace(/[\r\n]+/g, ' ').trim();
  const body = command.body.trim();
  if (subject.length === 0) throw invalid('TitleRequired', 'subject', 'must not be empty');
  if (subject.length > 200) throw invalid('TextTooLong', 'subject', 'must be at most 200 characters');
  if (body.length === 0) throw invalid('InvalidValue', 'body', 'must not be empty');
  if (body.length > 20_000) throw invalid('TextTooLong', 'body', 'must be at most 20000 characters');
  return [{ type: 'ProductUpdatePublished', data: { updateId: command.updateId, subject, body, publishedAt: command.publishedAt } }];
};

export const productUpdateDecider: Decider<PublishProductUpdate, ProductUpdateState, ProductUpdateEvent> = {
  decide,
  evolve: (_state, event) => ({ status: 'published', updateId: event.data.updateId }),
  initialState: () => ({ status: 'none' }),
};
