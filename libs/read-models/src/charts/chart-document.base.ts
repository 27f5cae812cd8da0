import { type RecordedEvent, emptyClientOverview } from '@practice/events';
import type { ChartDocument } from './chart.document';

/** A new chart document with nothing but what creation says. */
export const newChartDocument = (
  event: RecordedEvent,
  id: string,
  fields: Pick<ChartDocument, 'practiceId' | 'kind' | 'group'> & { firstName: string; lastName: string; email: string | null },
): ChartDocument => ({
  _id: id,
  practiceId: fields.practiceId,
  kind: fields.kind,
  active: true,
  profile: { firstName: fields.firstName, lastName: fields.lastName, photoRef: null, email: fields.email, phone: null, gender: null, location: null },
  overview: emptyClientOverview,
  tagIds: [],
  identity: { legalName: null, pronouns: null, legalSex: null, genderIdentity: null },
  setup: { complete: fields.kind === 'group', completedAt: fields.kind === 'group' ? event.metadata.occurredAt : null, stepsCompleted: [] },
  portal: { invitation: 'none', lastInvitedAt: null, acceptedAt: null, access: false, minorAccess: null },
  contacts: [],
  group: fields.group,
  memberOf: [],
  contactOn: [],
  appointments: [],
  diagnosisCodes: [],
  revision: event.revision,
  createdAt: event.metadata.occurredAt,
  updatedAt: event.metadata.occurredAt,
});

/** Applies a change to an existing document and stamps the revision it now reflects. */
export const change = (
  doc: ChartDocument | null,
  event: RecordedEvent,
  patch: (doc: ChartDocument) => Partial<ChartDocument>,
): ChartDocument | null =>
  doc === null ? null : { ...doc, ...patch(doc), revision: event.revision, updatedAt: event.metadata.occurredAt };

/** The event's data, typed as the caller says it is (the handler table is keyed by type). */
export const dataOf = <T>(event: RecordedEvent): T => event.data as T;
