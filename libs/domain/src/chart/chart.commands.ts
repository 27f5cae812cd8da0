import type { CatalogueSnapshot, ChartBillingCommand } from './chart-billing.commands';
import type { ClientOverview, LegalSex, SetupStep, MinorPortalAccess, GroupKind, ContactRoles } from '@practice/events';

/**
 * Commands of the chart aggregate. Every command but creation names the practice it is issued in: a
 * chart of another practice is, to that caller, a chart that does not exist. Times (`now`) and ids
 * come in with the command.
 */
interface OnChart {
  readonly chartId: string;
  readonly practiceId: string;
}

// --- creation -------------------------------------------------------------------------------
export interface CreateClient extends OnChart {
  readonly type: 'CreateClient';
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  /** Set when the client is created as a new member of a group chart (one write for both facts). */
  readonly joinGroup?: { readonly groupChartId: string; readonly groupName: string };
}

export interface NewChartContact {
  readonly contactId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly relationship: string | null;
  readonly clientId: string | null;
  readonly roles: ContactRoles;
}

export interface CreateMinorClient extends OnChart {
  readonly type: 'CreateMinorClient';
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly contacts: readonly NewChartContact[];
  readonly portalAccess: MinorPortalAccess;
}

export interface NewGroupMember {
  readonly clientId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly receivesReminders: boolean;
  readonly receivesSessionBridging: boolean;
  readonly groupPortalAccess: boolean;
}

export interface CreateGroupChart extends OnChart {
  readonly type: 'CreateGroupChart';
  readonly groupKind: GroupKind;
  readonly name: string;
  readonly members: readonly NewGroupMember[];
  readonly identifiedPatientId: string | null;
  readonly billingContactId: string | null;
}

// --- group membership -------------------------------------------------------------------------
export interface JoinGroupChart extends OnChart {
  readonly type: 'JoinGroupChart';
  readonly groupChartId: string;
  readonly groupName: string;
}
export interface LeaveGroupChart extends OnChart {
  readonly type: 'LeaveGroupChart';
  readonly groupChartId: string;
}
export interface AddChartMember extends OnChart {
  readonly type: 'AddChartMember';
  readonly member: NewGroupMember;
  readonly asIdentifiedPatient?: boolean;
  readonly asBillingContact?: boolean;
}
export interface RemoveChartMember extends OnChart {
  readonly type: 'RemoveChartMember';
  readonly clientId: string;
}
export interface ChangeChartMemberSettings extends OnChart {
  readonly type: 'ChangeChartMemberSettings';
  readonly clientId: string;
  readonly receivesReminders: boolean;
  readonly receivesSessionBridging: boolean;
  readonly groupPortalAccess: boolean;
}
export interface DesignateIdentifiedPatient extends OnChart {
  readonly type: 'DesignateIdentifiedPatient';
  readonly clientId: string;
}
export interface DesignateGroupBillingContact extends OnChart {
  readonly type: 'DesignateGroupBillingContact';
  readonly clientId: string;
}

// --- the record ------------------------------------------------------------------------------
export interface SetLegalName extends OnChart {
  readonly type: 'SetLegalName';
  readonly firstName: string;
  readonly lastName: string;
}
export interface ClearLegalName extends OnChart {
  readonly type: 'ClearLegalName';
}
export interface EditClientProfile extends OnChart {
  readonly type: 'EditClientProfile';
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly gender: string | null;
  readonly location: string | null;
}
export interface SetClientPhoto extends OnChart {
  readonly type: 'SetClientPhoto';
  readonly photoRef: string;
}
export interface RemoveClientPhoto extends OnChart {
  readonly type: 'RemoveClientPhoto';
}
export interface EditClientOverview extends OnChart, ClientOverview {
  readonly type: 'EditClientOverview';
  readonly now: string;
}
export interface EditClientIdentity extends OnChart {
  readonly type: 'EditClientIdentity';
  readonly pronouns: string | null;
  readonly legalSex: LegalSex | null;
  readonly genderIdentity: string | null;
}
export interface TagClient extends OnChart {
  readonly type: 'TagClient';
  readonly tagId: string;
  /** Whether the tag is in the practice's catalogue (the application looks it up). */
  readonly tagDefined: boolean;
}
export interface UntagClient extends OnChart {
  readonly type: 'UntagClient';
  readonly tagId: string;
}
export interface CompleteSetupStep extends OnChart {
  readonly type: 'CompleteSetupStep';
  readonly step: SetupStep;
}
export interface CompleteClientSetup extends OnChart {
  readonly type: 'CompleteClientSetup';
}

// --- status and quick actions ----------------------------------------------------------------
export interface InviteToPortal extends OnChart {
  readonly type: 'InviteToPortal';
  readonly now: string;
  /** How many of a minor's contacts have an email (looked up in their contact streams; 0 for other charts). */
  readonly guardiansWithEmail: number;
}
export interface ResendPortalInvitation extends OnChart {
  readonly type: 'ResendPortalInvitation';
  readonly now: string;
  readonly guardiansWithEmail: number;
}
export interface AcceptPortalInvitation extends OnChart {
  readonly type: 'AcceptPortalInvitation';
  readonly now: string;
}
export interface SetClientPortalAccess extends OnChart {
  readonly type: 'SetClientPortalAccess';
  readonly enabled: boolean;
}
export interface SetMinorPortalAccess extends OnChart {
  readonly type: 'SetMinorPortalAccess';
  readonly access: MinorPortalAccess;
}
export interface DeactivateClient extends OnChart {
  readonly type: 'DeactivateClient';
}
export interface ReactivateClient extends OnChart {
  readonly type: 'ReactivateClient';
}
export interface DeleteClient extends OnChart {
  readonly type: 'DeleteClient';
}

// --- contacts --------------------------------------------------------------------------------
export interface AddChartContact extends OnChart {
  readonly type: 'AddChartContact';
  readonly contact: NewChartContact;
}
export interface ChangeChartContactRoles extends OnChart {
  readonly type: 'ChangeChartContactRoles';
  readonly contactId: string;
  readonly roles: ContactRoles;
}
export interface RemoveChartContact extends OnChart {
  readonly type: 'RemoveChartContact';
  readonly contactId: string;
}
export interface RecordClientAsContact extends OnChart {
  readonly type: 'RecordClientAsContact';
  readonly contactId: string;
  readonly onChartId: string;
  readonly onChartName: string;
}
export interface RecordClientNoLongerContact extends OnChart {
  readonly type: 'RecordClientNoLongerContact';
  readonly onChartId: string;
}

// --- appointments ----------------------------------------------------------------------------
export interface BookAppointment extends OnChart {
  readonly type: 'BookAppointment';
  readonly appointmentId: string;
  readonly start: string;
  readonly durationMinutes: number;
  readonly practitionerId: string;
  /** Whether the practitioner is a member of the practice (the application looks it up). */
  readonly practitionerIsMember: boolean;
  /** The service billed (default: the client's default service) and the fee in minor units (default: its rate). */
  readonly serviceId?: string;
  readonly fee?: number;
  /** The practice's service catalogue as the application read it. */
  readonly services?: CatalogueSnapshot;
}
export interface CancelAppointment extends OnChart {
  readonly type: 'CancelAppointment';
  readonly appointmentId: string;
}
export interface CompleteAppointment extends OnChart {
  readonly type: 'CompleteAppointment';
  readonly appointmentId: string;
  readonly now: string;
}
export interface RescheduleAppointment extends OnChart {
  readonly type: 'RescheduleAppointment';
  readonly appointmentId: string;
  readonly start: string;
  /** Unset: the length stays. */
  readonly durationMinutes?: number;
}

// --- diagnosis codes -------------------------------------------------------------------------
export interface SetDiagnosisCodes extends OnChart {
  readonly type: 'SetDiagnosisCodes';
  /** ICD-10-CM codes in order (the first is the primary one); [] clears them. */
  readonly codes: readonly string[];
}

export type ChartCommand =
  | CreateClient
  | CreateMinorClient
  | CreateGroupChart
  | JoinGroupChart
  | LeaveGroupChart
  | AddChartMember
  | RemoveChartMember
  | ChangeChartMemberSettings
  | DesignateIdentifiedPatient
  | DesignateGroupBillingContact
  | SetLegalName
  | ClearLegalName
  | EditClientProfile
  | SetClientPhoto
  | RemoveClientPhoto
  | EditClientOverview
  | EditClientIdentity
  | TagClient
  | UntagClient
  | CompleteSetupStep
  | CompleteClientSetup
  | InviteToPortal
  | ResendPortalInvitation
  | AcceptPortalInvitation
  | SetClientPortalAccess
  | SetMinorPortalAccess
  | DeactivateClient
  | ReactivateClient
  | DeleteClient
  | AddChartContact
  | ChangeChartContactRoles
  | RemoveChartContact
  | RecordClientAsContact
  | RecordClientNoLongerContact
  | BookAppointment
  | CancelAppointment
  | CompleteAppointment
  | SetDiagnosisCodes
  | ChartBillingCommand
  | RescheduleAppointment;

export type * from './chart-billing.commands';
