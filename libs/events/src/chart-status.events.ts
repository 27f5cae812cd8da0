import { z, id, email, isoDateTime } from './schema';
import type { DomainEvent } from './envelope';

/**
 * The client's status follows from these: Pending = invited to the portal and not yet accepted;
 * Inactive = deactivated; Active otherwise. See the README (Client charts) for the transitions.
 */
export const PortalInvitationSentSchema = z
  .object({ chartId: id, email: email.nullable(), sentAt: isoDateTime, resend: z.boolean() })
  .strict();
export type PortalInvitationSent = DomainEvent<'PortalInvitationSent', z.infer<typeof PortalInvitationSentSchema>>;

export const PortalInvitationAcceptedSchema = z.object({ chartId: id, acceptedAt: isoDateTime }).strict();
export type PortalInvitationAccepted = DomainEvent<'PortalInvitationAccepted', z.infer<typeof PortalInvitationAcceptedSchema>>;

/** Access of the client to the portal of their own chart (individual charts). */
export const ClientPortalAccessSetSchema = z.object({ chartId: id, enabled: z.boolean() }).strict();
export type ClientPortalAccessSet = DomainEvent<'ClientPortalAccessSet', z.infer<typeof ClientPortalAccessSetSchema>>;

export const minorPortalAccesses = ['minor', 'guardian', 'both', 'neither'] as const;
export type MinorPortalAccess = (typeof minorPortalAccesses)[number];

export const MinorPortalAccessSetSchema = z.object({ chartId: id, access: z.enum(minorPortalAccesses) }).strict();
export type MinorPortalAccessSet = DomainEvent<'MinorPortalAccessSet', z.infer<typeof MinorPortalAccessSetSchema>>;

export const ClientDeactivatedSchema = z.object({ chartId: id }).strict();
export type ClientDeactivated = DomainEvent<'ClientDeactivated', z.infer<typeof ClientDeactivatedSchema>>;

export const ClientReactivatedSchema = z.object({ chartId: id }).strict();
export type ClientReactivated = DomainEvent<'ClientReactivated', z.infer<typeof ClientReactivatedSchema>>;

/** The chart is gone from every list; its email (if any) is released so it can be used again. */
export const ClientDeletedSchema = z
  .object({
    chartId: id,
    practiceId: id,
    email: email.nullable(),
    /** The contacts linked to the chart when it was deleted (absent when there were none). */
    contactIds: z.array(id).optional(),
  })
  .strict();
export type ClientDeleted = DomainEvent<'ClientDeleted', z.infer<typeof ClientDeletedSchema>>;

export type ChartStatusEvent =
  | PortalInvitationSent
  | PortalInvitationAccepted
  | ClientPortalAccessSet
  | MinorPortalAccessSet
  | ClientDeactivated
  | ClientReactivated
  | ClientDeleted;

export const chartStatusEventSchemas = {
  PortalInvitationSent: PortalInvitationSentSchema,
  PortalInvitationAccepted: PortalInvitationAcceptedSchema,
  ClientPortalAccessSet: ClientPortalAccessSetSchema,
  MinorPortalAccessSet: MinorPortalAccessSetSchema,
  ClientDeactivated: ClientDeactivatedSchema,
  ClientReactivated: ClientReactivatedSchema,
  ClientDeleted: ClientDeletedSchema,
} as const;
