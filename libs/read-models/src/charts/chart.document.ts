import type { ReadDocument } from '@practice/read-store';
import type { ClientOverview, LegalSex, SetupStep, MinorPortalAccess, GroupKind, ContactRoles } from '@practice/events';

interface Name {
  readonly firstName: string;
  readonly lastName: string;
}

export interface ChartMemberView extends Name {
  readonly clientId: string;
  readonly receivesReminders: boolean;
  readonly receivesSessionBridging: boolean;
  readonly groupPortalAccess: boolean;
}

export interface ChartContactView extends Name {
  readonly contactId: string;
  readonly relationship: string | null;
  readonly clientId: string | null;
  readonly roles: ContactRoles;
}

export interface AppointmentView {
  readonly appointmentId: string;
  readonly start: string;
  readonly durationMinutes: number;
  readonly practitionerId: string;
  readonly status: 'booked' | 'cancelled' | 'completed';
}

/**
 * Everything the client profile screen shows, in one read. `_id` is the chart id. Age, the client
 * status and the appointment stats depend on "now" or on several fields: the read endpoint derives
 * them when the chart is read, never the projection.
 */
export interface ChartDocument extends ReadDocument {
  readonly practiceId: string;
  readonly kind: 'individual' | 'minor' | 'group';
  readonly active: boolean;
  readonly profile: Name & {
    readonly photoRef: string | null;
    readonly email: string | null;
    readonly phone: string | null;
    readonly gender: string | null;
    readonly location: string | null;
  };
  readonly overview: ClientOverview;
  readonly tagIds: readonly string[];
  readonly identity: {
    readonly legalName: Name | null;
    readonly pronouns: string | null;
    readonly legalSex: LegalSex | null;
    readonly genderIdentity: string | null;
  };
  readonly setup: { readonly complete: boolean; readonly completedAt: string | null; readonly stepsCompleted: readonly SetupStep[] };
  readonly portal: {
    readonly invitation: 'none' | 'invited' | 'accepted';
    readonly lastInvitedAt: string | null;
    readonly acceptedAt: string | null;
    /** The client's access to the portal of this (their own) chart. */
    readonly access: boolean;
    readonly minorAccess: MinorPortalAccess | null;
  };
  readonly contacts: readonly ChartContactView[];
  readonly group: {
    readonly groupKind: GroupKind;
    readonly name: string;
    readonly members: readonly ChartMemberView[];
    readonly identifiedPatientId: string | null;
    readonly billingContactId: string | null;
  } | null;
  /** Group charts this client is a member of, and charts it is a contact on. */
  readonly memberOf: readonly { readonly chartId: string; readonly name: string }[];
  readonly contactOn: readonly { readonly chartId: string; readonly name: string }[];
  readonly appointments: readonly AppointmentView[];
  /**
   * ICD-10-CM codes in order (the first is the primary one). Clinical: the chart read shows them only to
   * roles with `diagnoses:read`; the superbill prints them. Absent on documents projected before they existed.
   */
  readonly diagnosisCodes?: readonly string[];
  /** The chart stream's revision this document reflects (the ETag of the chart). */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
