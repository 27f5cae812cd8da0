import type { ClientCreated, LegalNameSet } from '../../../events/src/chart.events';
import type { RecordedEvent } from '../../../events/src/envelope';
import { byChartId, defineProjection } from '../projection';
import type { ChartDocument } from './chart.document';

export const CHARTS = 'charts';

const change = (
  doc: ChartDocument | null,
  event: RecordedEvent,
  patch: (doc: ChartDocument) => Partial<ChartDocument>,
): ChartDocument | null =>
  doc === null ? null : { ...doc, ...patch(doc), revision: event.revision, updatedAt: event.metadata.occurredAt };

export const chartDocumentProjection = defineProjection<ChartDocument>({
  name: CHARTS,
  indexes: [{ name: 'practice', keys: { practiceId: 1 } }],
  documentIds: byChartId,
  handlers: {
    ClientCreated: (_doc, event, id) => {
      const { data } = event as RecordedEvent & ClientCreated;
      return {
        _id: id,
        practiceId: data.practiceId,
        kind: data.kind,
        profile: { firstName: data.firstName, lastName: data.lastName, email: data.email, phone: null, status: 'Active' },
        identity: { legalName: null },
        setup: { complete: false, completedAt: null },
        revision: event.revision,
        createdAt: event.metadata.occurredAt,
        updatedAt: event.metadata.occurredAt,
      };
    },
    LegalNameSet: (doc, event) => {
      const { data } = event as RecordedEvent & LegalNameSet;
      return change(doc, event, () => ({ identity: { legalName: { firstName: data.firstName, lastName: data.lastName } } }));
    },
    LegalNameCleared: (doc, event) => change(doc, event, () => ({ identity: { legalName: null } })),
    ClientSetupCompleted: (doc, event) =>
      change(doc, event, () => ({ setup: { complete: true, completedAt: event.metadata.occurredAt } })),
  },
});
