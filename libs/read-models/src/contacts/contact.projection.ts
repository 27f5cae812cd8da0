import type { ContactCreated, ContactDetailsEdited, ChartContactAdded, ChartContactRemoved, ChartContactRolesChanged, ContactRoles, RecordedEvent, ClientDeleted } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';

export const CONTACTS = 'contacts';


/** A practice's contacts with the charts each is linked to and the roles there. */
export interface ContactRow {
  readonly practiceId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly clientId: string | null;
  readonly charts: readonly { readonly chartId: string; readonly relationship: string | null; readonly roles: ContactRoles }[];
  readonly sortName: string;
  readonly searchText: string;
}

export interface ContactDocument extends ReadDocument, ContactRow {}

const derived = (doc: Omit<ContactRow, 'sortName' | 'searchText'> & { _id: string }): ContactDocument => ({
  ...doc,
  sortName: `${doc.lastName} ${doc.firstName}`.toLowerCase(),
  searchText: [doc.firstName, doc.lastName, doc.email].filter(Boolean).join(' ').toLowerCase(),
});

const withoutChart = (doc: ContactDocument, chartId: string) => doc.charts.filter((c) => c.chartId !== chartId);

export const contactProjection = defineProjection<ContactDocument>({
  name: CONTACTS,
  indexes: [{ name: 'practice_sortName', keys: { practiceId: 1, sortName: 1, _id: 1 } }],
  documentIds: (event) =>
    event.type === 'ClientDeleted'
      ? ((event.data as ClientDeleted['data']).contactIds ?? [])
      : [(event.data as { contactId: string }).contactId],
  handlers: {
    ContactCreated: (_doc, event, id) => {
      const { data } = event as RecordedEvent & ContactCreated;
      const { contactId: _c, ...rest } = data;
      return derived({ _id: id, ...rest, charts: [] });
    },
    ContactDetailsEdited: (doc, event) => {
      const { data } = event as RecordedEvent & ContactDetailsEdited;
      const { contactId: _c, ...rest } = data;
      return doc === null ? null : derived({ ...doc, ...rest });
    },
    ChartContactAdded: (doc, event) => {
      const { data } = event as RecordedEvent & ChartContactAdded;
      if (doc === null) return null;
      return { ...doc, charts: [...withoutChart(doc, data.chartId), { chartId: data.chartId, relationship: data.relationship, roles: data.roles }] };
    },
    ChartContactRolesChanged: (doc, event) => {
      const { data } = event as RecordedEvent & ChartContactRolesChanged;
      if (doc === null) return null;
      return { ...doc, charts: doc.charts.map((c) => (c.chartId === data.chartId ? { ...c, roles: data.roles } : c)) };
    },
    ClientDeleted: (doc, event) => (doc === null ? null : { ...doc, charts: withoutChart(doc, (event.data as ClientDeleted['data']).chartId) }),
    ChartContactRemoved: (doc, event) => {
      const { data } = event as RecordedEvent & ChartContactRemoved;
      return doc === null ? null : { ...doc, charts: withoutChart(doc, data.chartId) };
    },
  },
});
