import type { ClientCreated, LegalNameSet, GroupChartCreated, ClientEmailChanged, ClientProfileEdited, ClientTagged, ClientUntagged, RecordedEvent } from '@practice/events';
import { byChartId, defineProjection } from '../projection';
import { searchPrefixesOf, searchWordsOf } from './client-search';
import type { ClientListDocument, ClientListRow, ClientStatus } from './client-list.document';

export const CLIENTS = 'clients';

const sortNameOf = (firstName: string, lastName: string): string => `${lastName} ${firstName}`.trim().toLowerCase();

const searchTextOf = (doc: Pick<ClientListRow, 'firstName' | 'lastName' | 'legalName' | 'email'>): string =>
  [doc.firstName, doc.lastName, doc.legalName?.firstName, doc.legalName?.lastName, doc.email]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(' ')
    .toLowerCase();

/** Pending = invited to the portal and not yet accepted; Inactive = deactivated; Active otherwise. */
export const statusOf = (active: boolean, invitation: ClientListRow['invitation']): ClientStatus =>
  !active ? 'Inactive' : invitation === 'invited' ? 'Pending' : 'Active';

export const segment = (practiceId: string, key: string, value: string | boolean): string => `${practiceId}|${key}:${value}`;

/** Everything derived from the row's own fields, recomputed on every change so it cannot drift. */
const derive = (doc: Omit<ClientListRow, 'status' | 'sortName' | 'searchText' | 'searchPrefixes' | 'searchWords' | 'segments'> & { _id: string }): ClientListDocument => {
  const status = statusOf(doc.active, doc.invitation);
  const p = doc.practiceId;
  const searchText = searchTextOf(doc);
  return {
    ...doc,
    status,
    sortName: sortNameOf(doc.firstName, doc.lastName),
    searchText,
    searchPrefixes: searchPrefixesOf(p, searchText),
    searchWords: searchWordsOf(p, searchText),
    segments: [
      segment(p, 'status', status),
      segment(p, 'kind', doc.kind),
      segment(p, 'incomplete', doc.incomplete),
      ...doc.tagIds.map((tagId) => segment(p, 'tag', tagId)),
    ],
  };
};

const change = (doc: ClientListDocument | null, event: RecordedEvent, patch: Partial<ClientListDocument>): ClientListDocument | null =>
  doc === null ? null : derive({ ...doc, ...patch, updatedAt: event.metadata.occurredAt });

const created = (event: RecordedEvent, id: string, fields: Pick<ClientListRow, 'practiceId' | 'kind' | 'firstName' | 'lastName' | 'email' | 'incomplete'>) =>
  derive({
    _id: id,
    ...fields,
    legalName: null,
    phone: null,
    active: true,
    invitation: 'none',
    tagIds: [],
    createdAt: event.metadata.occurredAt,
    updatedAt: event.metadata.occurredAt,
  });

export const clientListProjection = defineProjection<ClientListDocument>({
  name: CLIENTS,
  indexes: [
    { name: 'practice_sortName', keys: { practiceId: 1, sortName: 1, _id: 1 } },
    { name: 'segments_sortName', keys: { segments: 1, sortName: 1, _id: 1 } },
    { name: 'searchPrefixes_sortName', keys: { searchPrefixes: 1, sortName: 1, _id: 1 } },
    { name: 'searchWords', keys: { searchWords: 1 } },
  ],
  documentIds: byChartId,
  handlers: {
    ClientCreated: (_doc, event, id) => {
      const { data } = event as RecordedEvent & ClientCreated;
      const { practiceId, kind, firstName, lastName, email } = data;
      return created(event, id, { practiceId, kind, firstName, lastName, email, incomplete: true });
    },
    GroupChartCreated: (_doc, event, id) => {
      const { data } = event as RecordedEvent & GroupChartCreated;
      return created(event, id, { practiceId: data.practiceId, kind: 'group', firstName: data.name, lastName: '', email: null, incomplete: false });
    },
    LegalNameSet: (doc, event) => {
      const { data } = event as RecordedEvent & LegalNameSet;
      return change(doc, event, { legalName: { firstName: data.firstName, lastName: data.lastName } });
    },
    LegalNameCleared: (doc, event) => change(doc, event, { legalName: null }),
    ClientSetupCompleted: (doc, event) => change(doc, event, { incomplete: false }),
    ClientProfileEdited: (doc, event) => {
      const { data } = event as RecordedEvent & ClientProfileEdited;
      return change(doc, event, { firstName: data.firstName, lastName: data.lastName, phone: data.phone });
    },
    ClientEmailChanged: (doc, event) => change(doc, event, { email: (event as RecordedEvent & ClientEmailChanged).data.email }),
    ClientTagged: (doc, event) => {
      const { tagId } = (event as RecordedEvent & ClientTagged).data;
      return doc === null ? null : change(doc, event, { tagIds: [...doc.tagIds.filter((t) => t !== tagId), tagId] });
    },
    ClientUntagged: (doc, event) => {
      const { tagId } = (event as RecordedEvent & ClientUntagged).data;
      return doc === null ? null : change(doc, event, { tagIds: doc.tagIds.filter((t) => t !== tagId) });
    },
    PortalInvitationSent: (doc, event) => change(doc, event, { invitation: 'invited' }),
    PortalInvitationAccepted: (doc, event) => change(doc, event, { invitation: 'accepted' }),
    ClientDeactivated: (doc, event) => change(doc, event, { active: false }),
    ClientReactivated: (doc, event) => change(doc, event, { active: true }),
    ClientDeleted: () => null,
  },
});
