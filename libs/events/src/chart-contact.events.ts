import { z, id, personName, chars } from './schema';
import type { DomainEvent } from './envelope';

/** What a contact does for a chart. */
export const ContactRolesSchema = z
  .object({
    billing: z.boolean(),
    signsDocuments: z.boolean(),
    receivesReminders: z.boolean(),
    viewsUpcomingAppointments: z.boolean(),
  })
  .strict();
export type ContactRoles = z.infer<typeof ContactRolesSchema>;

/** On the chart: a contact linked with roles. The name is a snapshot for the Contacts panel. */
export const ChartContactAddedSchema = z
  .object({
    chartId: id,
    contactId: id,
    firstName: personName,
    lastName: personName,
    relationship: chars(100).nullable(),
    /** Set when the contact is also a client of the practice. */
    clientId: id.nullable(),
    roles: ContactRolesSchema,
  })
  .strict();
export type ChartContactAdded = DomainEvent<'ChartContactAdded', z.infer<typeof ChartContactAddedSchema>>;

export const ChartContactRolesChangedSchema = z.object({ chartId: id, contactId: id, roles: ContactRolesSchema }).strict();
export type ChartContactRolesChanged = DomainEvent<'ChartContactRolesChanged', z.infer<typeof ChartContactRolesChangedSchema>>;

export const ChartContactRemovedSchema = z.object({ chartId: id, contactId: id }).strict();
export type ChartContactRemoved = DomainEvent<'ChartContactRemoved', z.infer<typeof ChartContactRemovedSchema>>;

/** On a client's own chart: this client is a contact of another chart (a delete must not remove it silently). */
export const ClientBecameContactSchema = z
  .object({ chartId: id, contactId: id, onChartId: id, onChartName: chars(401) })
  .strict();
export type ClientBecameContact = DomainEvent<'ClientBecameContact', z.infer<typeof ClientBecameContactSchema>>;

export const ClientCeasedToBeContactSchema = z.object({ chartId: id, onChartId: id }).strict();
export type ClientCeasedToBeContact = DomainEvent<'ClientCeasedToBeContact', z.infer<typeof ClientCeasedToBeContactSchema>>;

export type ChartContactEvent =
  | ChartContactAdded
  | ChartContactRolesChanged
  | ChartContactRemoved
  | ClientBecameContact
  | ClientCeasedToBeContact;

export const chartContactEventSchemas = {
  ChartContactAdded: ChartContactAddedSchema,
  ChartContactRolesChanged: ChartContactRolesChangedSchema,
  ChartContactRemoved: ChartContactRemovedSchema,
  ClientBecameContact: ClientBecameContactSchema,
  ClientCeasedToBeContact: ClientCeasedToBeContactSchema,
} as const;
