import { z, id, personName, chars } from './schema';
import type { DomainEvent } from './envelope';

export const groupKinds = ['couple', 'family', 'conjoint'] as const;
export type GroupKind = (typeof groupKinds)[number];

/** A couple / family / conjoint chart: a name and members; no details of its own. */
export const GroupChartCreatedSchema = z
  .object({ chartId: id, practiceId: id, groupKind: z.enum(groupKinds), name: chars(200) })
  .strict();
export type GroupChartCreated = DomainEvent<'GroupChartCreated', z.infer<typeof GroupChartCreatedSchema>>;

/** On the group chart. The member's name is a snapshot for the Members tab. */
export const ChartMemberAddedSchema = z
  .object({
    chartId: id,
    clientId: id,
    firstName: personName,
    lastName: personName,
    receivesReminders: z.boolean(),
    receivesSessionBridging: z.boolean(),
    /** Access to the group chart's portal; the member's own chart keeps its own access. */
    groupPortalAccess: z.boolean(),
  })
  .strict();
export type ChartMemberAdded = DomainEvent<'ChartMemberAdded', z.infer<typeof ChartMemberAddedSchema>>;

export const ChartMemberRemovedSchema = z.object({ chartId: id, clientId: id }).strict();
export type ChartMemberRemoved = DomainEvent<'ChartMemberRemoved', z.infer<typeof ChartMemberRemovedSchema>>;

export const ChartMemberSettingsChangedSchema = z
  .object({
    chartId: id,
    clientId: id,
    receivesReminders: z.boolean(),
    receivesSessionBridging: z.boolean(),
    groupPortalAccess: z.boolean(),
  })
  .strict();
export type ChartMemberSettingsChanged = DomainEvent<'ChartMemberSettingsChanged', z.infer<typeof ChartMemberSettingsChangedSchema>>;

/** The member whose insurance is used. */
export const IdentifiedPatientDesignatedSchema = z.object({ chartId: id, clientId: id }).strict();
export type IdentifiedPatientDesignated = DomainEvent<'IdentifiedPatientDesignated', z.infer<typeof IdentifiedPatientDesignatedSchema>>;

/** The member who is billed and receives billing documents. */
export const GroupBillingContactDesignatedSchema = z.object({ chartId: id, clientId: id }).strict();
export type GroupBillingContactDesignated = DomainEvent<'GroupBillingContactDesignated', z.infer<typeof GroupBillingContactDesignatedSchema>>;

/** On the member's own chart: it belongs to a group chart (a delete must not remove it silently). */
export const ClientJoinedGroupChartSchema = z
  .object({ chartId: id, groupChartId: id, groupName: chars(200) })
  .strict();
export type ClientJoinedGroupChart = DomainEvent<'ClientJoinedGroupChart', z.infer<typeof ClientJoinedGroupChartSchema>>;

export const ClientLeftGroupChartSchema = z.object({ chartId: id, groupChartId: id }).strict();
export type ClientLeftGroupChart = DomainEvent<'ClientLeftGroupChart', z.infer<typeof ClientLeftGroupChartSchema>>;

export type ChartGroupEvent =
  | GroupChartCreated
  | ChartMemberAdded
  | ChartMemberRemoved
  | ChartMemberSettingsChanged
  | IdentifiedPatientDesignated
  | GroupBillingContactDesignated
  | ClientJoinedGroupChart
  | ClientLeftGroupChart;

export const chartGroupEventSchemas = {
  GroupChartCreated: GroupChartCreatedSchema,
  ChartMemberAdded: ChartMemberAddedSchema,
  ChartMemberRemoved: ChartMemberRemovedSchema,
  ChartMemberSettingsChanged: ChartMemberSettingsChangedSchema,
  IdentifiedPatientDesignated: IdentifiedPatientDesignatedSchema,
  GroupBillingContactDesignated: GroupBillingContactDesignatedSchema,
  ClientJoinedGroupChart: ClientJoinedGroupChartSchema,
  ClientLeftGroupChart: ClientLeftGroupChartSchema,
} as const;
