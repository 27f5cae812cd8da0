import type { ServiceAdded, ServiceChanged, RecordedEvent } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';

export const SERVICES = 'services';

/** One service of a practice's catalogue (Settings > Services), retired ones included and flagged. */
export interface ServiceDocument extends ReadDocument {
  readonly practiceId: string;
  readonly name: string;
  readonly sortName: string;
  readonly code: string;
  readonly durationMinutes: number;
  readonly rate: { readonly amount: number; readonly currency: string };
  readonly retired: boolean;
}

const serviceIdOf = (event: RecordedEvent): string[] => [(event.data as { serviceId: string }).serviceId];

const described = (event: RecordedEvent): ServiceDocument => {
  const { data } = event as RecordedEvent & (ServiceAdded | ServiceChanged);
  const { serviceId, practiceId, name, code, durationMinutes, rate } = data;
  return { _id: serviceId, practiceId, name, sortName: name.toLowerCase(), code, durationMinutes, rate, retired: false };
};

export const serviceProjection = defineProjection<ServiceDocument>({
  name: SERVICES,
  indexes: [{ name: 'practice_sortName', keys: { practiceId: 1, sortName: 1, _id: 1 } }],
  documentIds: serviceIdOf,
  handlers: {
    ServiceAdded: (_doc, event) => described(event),
    ServiceChanged: (doc, event) => (doc === null ? null : { ...described(event), retired: doc.retired }),
    ServiceRetired: (doc) => (doc === null ? null : { ...doc, retired: true }),
  },
});
