import type { ReadStore } from '@practice/read-store';
import { OUTBOX, type OutboxDocument } from '@practice/read-models';

export interface OutboxCounts {
  readonly queued: number;
  readonly sending: number;
  readonly failed: number;
  readonly sent: number;
  readonly parked: number;
  /** Seconds the oldest due message has waited to be sent (0: nothing waits). */
  readonly lagSeconds: number;
}

/** The outbox by status, from its read model (any process that reads the read models can say). */
export const outboxCounts = async (readStore: ReadStore, now: Date = new Date()): Promise<OutboxCounts> => {
  const outbox = readStore.collection<OutboxDocument>(OUTBOX);
  const count = (status: string) => outbox.count({ status });
  const [oldest] = await outbox.find({ status: { $in: ['queued', 'failed'] }, nextAttemptAt: { $lte: now.toISOString() } }, { sort: { nextAttemptAt: 1, _id: 1 }, limit: 1 });
  const lagSeconds = oldest?.nextAttemptAt ? Math.max(0, Math.round((now.getTime() - Date.parse(oldest.nextAttemptAt)) / 1000)) : 0;
  const [queued, sending, failed, sent, parked] = await Promise.all(['queued', 'sending', 'failed', 'sent', 'parked'].map(count));
  return { queued, sending, failed, sent, parked, lagSeconds };
};

/** The same in Prometheus' text format. */
export const outboxMetrics = (counts: OutboxCounts): string =>
  [
    '# HELP outbox_messages Messages of the outbox by status.',
    '# TYPE outbox_messages gauge',
    ...(['queued', 'sending', 'failed', 'sent', 'parked'] as const).map((status) => `outbox_messages{status="${status}"} ${counts[status]}`),
    '# HELP outbox_lag_seconds How long the oldest due message has waited to be sent.',
    '# TYPE outbox_lag_seconds gauge',
    `outbox_lag_seconds ${counts.lagSeconds}`,
    '',
  ].join('\n');
