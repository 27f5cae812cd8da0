import type { ClientCreated, ClientSetupCompleted, LegalNameCleared, LegalNameSet } from '../../../events/src/chart.events';
import type { RecordedEvent } from '../../../events/src/envelope';
import { byChartId, defineProjection } from '../projection';
import type { ClientListDocument } from './client-list.document';

export const CLIENTS = 'clients';

const sortNameOf = (firstName: string, lastName: string): string => `${lastName} ${firstName}`.toLowerCase();

const searchTextOf = (doc: Pick<ClientListDocument, 'firstName' | 'lastName' | 'legalName' | 'email'>): string =>
  [doc.firstName, doc.lastName, doc.legalName?.firstName, doc.legalName?.lastName, doc.email]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(' ')
    .toLowerCase();

/** Applies a change to an existing row and refreshes what is derived from it. */
const change = (
  doc: ClientListDocument | null,
  event: RecordedEvent,
  patch: Partial<ClientListDocument>,
): ClientListDocument | null => {
  if (doc === null) return null;
  const next = { ...doc, ...patch, updatedAt: event.metadata.occurredAt };
  return { ...next, sortName: sortNameOf(next.firstName, next.lastName), searchText: searchTextOf(next) };
};

export const clientListProjection = defineProjection<ClientListDocument>({
  name: CLIENTS,
  indexes: [
    { name: 'practice_sortName', keys: { practiceId: 1, sortName: 1, _id: 1 } },
    { name: 'practice_status_sortName', keys: { practiceId: 1, status: 1, sortName: 1 } },
  ],
  documentIds: byChartId,
  handlers: {
    ClientCreated: (_doc, event, id) => {
      const { data } = event as RecordedEvent & ClientCreated;
      const base = { firstName: data.firstName, lastName: data.lastName, legalName: null, email: data.email };
      return {
        _id: id,
        practiceId: data.practiceId,
        kind: data.kind,
        ...base,
        phone: null,
        status: 'Active',
        tags: [],
        incomplete: true,
        sortName: sortNameOf(data.firstName, data.lastName),
        searchText: searchTextOf(base),
        createdAt: event.metadata.occurredAt,
        updatedAt: event.metadata.occurredAt,
      };
    },
    LegalNameSet: (doc, event) => {
      const { data } = event as RecordedEvent & LegalNameSet;
      return change(doc, event, { legalName: { firstName: data.firstName, lastName: data.lastName } });
    },
    LegalNameCleared: (doc, event) => change(doc, event as RecordedEvent & LegalNameCleared, { legalName: null }),
    ClientSetupCompleted: (doc, event) =>
      change(doc, event as RecordedEvent & ClientSetupCompleted, { incomplete: false }),
  },
});
