import type { ChartEvent } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { createClient, createGroupChart, createMinorClient } from './chart-create.decide';
import {
  addChartMember,
  changeChartMemberSettings,
  designateGroupBillingContact,
  designateIdentifiedPatient,
  joinGroupChart,
  leaveGroupChart,
  removeChartMember,
} from './chart-group.decide';
import * as record from './chart-record.decide';
import * as status from './chart-status.decide';
import * as contacts from './chart-contacts.decide';
import * as appointments from './chart-appointments.decide';
import { setDiagnosisCodes } from './chart-diagnosis.decide';
import * as billing from './chart-billing.decide';
import * as ledger from './chart-ledger.decide';
import type { ChartCommand } from './chart.commands';
import { evolve, initialState, type ChartState } from './chart.state';

export * from './chart.commands';
export * from './chart.state';
export { chartNotFound } from './chart.guards';
export { emailClaimChanges } from './chart-record.decide';
export { INVITATIONS_PER_HOUR } from './chart-status.decide';
export { insurancePolicyNotFound } from './chart-billing.decide';
export { paymentNotFound } from './chart-ledger.decide';
export type { ChartBilling, BillingSettings } from './chart-billing.state';

/** The chart aggregate: `decide` only dispatches; one small function per command. */
export const decide = (command: ChartCommand, state: ChartState): ChartEvent[] => {
  switch (command.type) {
    case 'CreateClient':
      return createClient(command, state);
    case 'CreateMinorClient':
      return createMinorClient(command, state);
    case 'CreateGroupChart':
      return createGroupChart(command, state);
    case 'JoinGroupChart':
      return joinGroupChart(command, state);
    case 'LeaveGroupChart':
      return leaveGroupChart(command, state);
    case 'AddChartMember':
      return addChartMember(command, state);
    case 'RemoveChartMember':
      return removeChartMember(command, state);
    case 'ChangeChartMemberSettings':
      return changeChartMemberSettings(command, state);
    case 'DesignateIdentifiedPatient':
      return designateIdentifiedPatient(command, state);
    case 'DesignateGroupBillingContact':
      return designateGroupBillingContact(command, state);
    case 'SetLegalName':
      return record.setLegalName(command, state);
    case 'ClearLegalName':
      return record.clearLegalName(command, state);
    case 'EditClientProfile':
      return record.editClientProfile(command, state);
    case 'SetClientPhoto':
      return record.setClientPhoto(command, state);
    case 'RemoveClientPhoto':
      return record.removeClientPhoto(command, state);
    case 'EditClientOverview':
      return record.editClientOverview(command, state);
    case 'EditClientIdentity':
      return record.editClientIdentity(command, state);
    case 'TagClient':
      return record.tagClient(command, state);
    case 'UntagClient':
      return record.untagClient(command, state);
    case 'CompleteSetupStep':
      return record.completeSetupStep(command, state);
    case 'CompleteClientSetup':
      return record.completeClientSetup(command, state);
    case 'InviteToPortal':
      return status.inviteToPortal(command, state);
    case 'ResendPortalInvitation':
      return status.resendPortalInvitation(command, state);
    case 'AcceptPortalInvitation':
      return status.acceptPortalInvitation(command, state);
    case 'SetClientPortalAccess':
      return status.setClientPortalAccess(command, state);
    case 'SetMinorPortalAccess':
      return status.setMinorPortalAccess(command, state);
    case 'DeactivateClient':
      return status.deactivateClient(command, state);
    case 'ReactivateClient':
      return status.reactivateClient(command, state);
    case 'DeleteClient':
      return status.deleteClient(command, state);
    case 'AddChartContact':
      return contacts.addChartContact(command, state);
    case 'ChangeChartContactRoles':
      return contacts.changeChartContactRoles(command, state);
    case 'RemoveChartContact':
      return contacts.removeChartContact(command, state);
    case 'RecordClientAsContact':
      return contacts.recordClientAsContact(command, state);
    case 'RecordClientNoLongerContact':
      return contacts.recordClientNoLongerContact(command, state);
    case 'BookAppointment':
      return appointments.bookAppointment(command, state);
    case 'CancelAppointment':
      return appointments.cancelAppointment(command, state);
    case 'CompleteAppointment':
      return appointments.completeAppointment(command, state);
    case 'RescheduleAppointment':
      return appointments.rescheduleAppointment(command, state);
    case 'SetDiagnosisCodes':
      return setDiagnosisCodes(command, state);
    case 'SetBillingSettings':
      return billing.setBillingSettings(command, state);
    case 'AddInsurancePolicy':
      return billing.addInsurancePolicy(command, state);
    case 'ChangeInsurancePolicy':
      return billing.changeInsurancePolicy(command, state);
    case 'RemoveInsurancePolicy':
      return billing.removeInsurancePolicy(command, state);
    case 'RecordPayment':
      return ledger.recordPayment(command, state);
    case 'RefundPayment':
      return ledger.refundPayment(command, state);
    case 'LateCancelAppointment':
      return ledger.lateCancelAppointment(command, state);
    case 'MarkAppointmentNoShow':
      return ledger.markAppointmentNoShow(command, state);
    default:
      return assertNever(command);
  }
};

export { evolve, initialState };

export const chartDecider: Decider<ChartCommand, ChartState, ChartEvent> = { decide, evolve, initialState };
