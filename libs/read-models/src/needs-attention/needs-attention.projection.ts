import type { ClientCreated } from '../../../events/src/chart.events';
import type { RecordedEvent } from '../../../events/src/envelope';
import type { ReadDocument } from '../../../read-store/src/read-store.port';
import { defineProjection } from '../projection';

export const NEEDS_ATTENTION = 'needs_attention';

export type NeedsAttentionReason = 'ClientSetupIncomplete';

/** One open problem of a practice; the item is deleted when the problem is resolved. */
export interface NeedsAttentionDocument extends ReadDocument {
  readonly practiceId: string;
  readonly reason: NeedsAttentionReason;
  readonly chartId: string;
  readonly clientName: string;
  readonly since: string;
}

const itemId = (chartId: string, reason: NeedsAttentionReason): string => `${chartId}:${reason}`;

const chartIdOf = (event: RecordedEvent): string => (event.data as { chartId: string }).chartId;

export const needsAttentionProjection = defineProjection<NeedsAttentionDocument>({
  name: NEEDS_ATTENTION,
  indexes: [{ name: 'practice_since', keys: { practiceId: 1, since: 1, _id: 1 } }],
  documentIds: (event) => [itemId(chartIdOf(event), 'ClientSetupIncomplete')],
  handlers: {
    // A new client needs attention until its setup is complete.
    ClientCreated: (_doc, event, id) => {
      const { data } = event as RecordedEvent & ClientCreated;
      return {
        _id: id,
        practiceId: data.practiceId,
        reason: 'ClientSetupIncomplete',
        chartId: data.chartId,
        clientName: `${data.firstName} ${data.lastName}`,
        since: event.metadata.occurredAt,
      };
    },
    ClientSetupCompleted: () => null,
  },
});
