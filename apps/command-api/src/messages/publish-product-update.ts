import { randomUUID } from 'node:crypto';
import { productUpdateDecider } from '@practice/domain';
import type { EventStore } from '@practice/event-store';
import { eventCodec, productUpdateStream } from '@practice/events';
import { commandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';

export interface ProductUpdateInput {
  /** Given: publishing the same id again changes nothing (a re-run of the same job). */
  readonly updateId?: string;
  readonly subject: string;
  readonly body: string;
}

/**
 * An operator publishes a product update: ProductUpdatePublished on its own stream. The message
 * workflows then email it to every user with "Product Updates & Tips" on, once each.
 */
export const publishProductUpdate = async (
  events: EventStore,
  input: ProductUpdateInput,
  now: Date = new Date(),
): Promise<{ readonly updateId: string; readonly published: boolean; readonly position: number | undefined }> => {
  const updateId = input.updateId ?? randomUUID();
  const runner = new CommandRunner(events, eventCodec);
  const envelope = commandEnvelope({ commandType: 'PublishProductUpdate', actorUserId: null, practiceId: null, idempotencyKey: `product-update|${updateId}`, now });
  const command = { type: 'PublishProductUpdate' as const, updateId, subject: input.subject, body: input.body, publishedAt: now.toISOString() };
  const result = await runner.run(productUpdateDecider, productUpdateStream(updateId), command, envelope);
  return { updateId, published: result.events.length > 0, position: result.position };
};
