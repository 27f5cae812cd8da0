import type { ClientCreated, LegalNameSet, GroupChartCreated, ClientEmailChanged, ClientProfileEdited, ClientTagged, ClientUntagged, RecordedEvent } from '@practice/events';
import { byChartId, defineProjection } from '../projection';
import { searchPrefixesOf, searchWordsOf } from './client-search';
import type { ClientListDocument, ClientListRow, ClientStatus } from './client-list.document';

export const CLIENTS = 'clients';

const sortNameOf = (firstName: string, lastName: string): string => `${lastName} ${firstName}`.trim().toLowerCase();

const searchTextOf = (doc: Pick<ClientListRow, 'firstName' | 'lastName' | 'legalName' | 'email'>): string => {
  let text = '';
  for (const part of [doc.firstName, doc.lastName, doc.legalName?.firstName, doc.legalName?.lastName, doc.email]) {
    if (typeof part === 'string' && part.length > 0) text = text.length === 0 ? part : `${text} ${part}`;
  }
  return text.toLowerCase();
};

/** Pending = invited to the portal and not yet accepted; Inactive = deactivated; Active otherwise. */
export const statusOf = (active: boolean, invitation: ClientListRow['invitation']): ClientStatus =>
  !active ? 'Inactive' : invitation === 'invited' ? 'Pending' : 'Active';

export const segment = (practiceId: string, key: string, value: string | boolean): string => `${practiceId}|${key}:${value}`;

type Derived = 'status' | 'sortName' | 'searchText' | 'searchPrefixes' | 'searchWords' | 'segments';
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The search keys follow the names, legal names and email (and the practice they are kept under). */
const sameSearchFields = (row: ClientListRow, previous: ClientListRow): boolean =>
  row.firstName === previous.firstName &&
  row.lastName === previous.lastName &&
  row.email === previous.email &&
  row.practiceId === previous.practiceId &&
  (row.legalName === previous.legalName ||
    (row.legalName !== null && previous.legalName !== null && row.legalName.firstName === previous.legalName.firstName && row.legalName.lastName === previous.legalName.lastName));

/** The segments follow the status, kind, setup and tags (the same array of tags: the same tags). */
const sameSegmentFields = (row: ClientListRow, previous: ClientListRow): boolean =>
  row.status === previous.status &&
  row.kind === previous.kind &&
  row.incomplete === previous.incomplete &&
  row.tagIds === previous.tagIds &&
  row.practiceId === previous.practiceId;

/**
 * Everything derived from the row's own fields, set on `row` (a new object of the caller's, never a
 * stored document): recomputed on every change of a field it follows, so it cannot drift, and taken
 * from `previous` (the row before the change) otherwise. The search keys are most of a row's work and
 * only a change of names or email moves them.
 */
const derive = (row: Writable<ClientListDocument>, previous: ClientListDocument | null): ClientListDocument => {
  row.status = statusOf(row.active, row.invitation);
  const p = row.practiceId;
  if (previous === null || !sameSearchFields(row, previous)) {
    const searchText = searchTextOf(row);
    row.sortName = sortNameOf(row.firstName, row.lastName);
    row.searchText = searchText;
    row.searchPrefixes = searchPrefixesOf(p, searchText);
    row.searchWords = searchWordsOf(p, searchText);
  }
  if (previous === null || !sameSegmentFields(row, previous)) {
    const segments = [segment(p, 'status', row.status), segment(p, 'kind', row.kind), segment(p, 'incomplete', row.incomplete)];
    for (const tagId of row.tagIds) segments.push(segment(p, 'tag', tagId));
    row.segments = segments;
  }
  return row;
};

// One copy of the row per change: the patch and the stamp on it, then what they move.
const change = (doc: ClientListDocument | null, event: RecordedEvent, patch: Partial<ClientListDocument>): ClientListDocument | null =>
  doc === null ? null : derive({ ...doc, ...patch, updatedAt: event.metadata.occurredAt }, doc);

// The derived fields are added by derive, after the row's own (the order the stored row keeps).
const created = (event: RecordedEvent, id: string, fields: Pick<ClientListRow, 'practiceId' | 'kind' | 'firstName' | 'lastName' | 'email' | 'incomplete'>) => {
  const row: Omit<ClientListDocument, Derived> = {
    _id: id,
    ...fields,
    legalName: null,
    phone: null,
    active: true,
    invitation: 'none',
    tagIds: [],
    createdAt: event.metadata.occurredAt,
    updatedAt: event.metadata.occurredAt,
  };
  return derive(row as Writable<ClientListDocument>, null);
};

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
