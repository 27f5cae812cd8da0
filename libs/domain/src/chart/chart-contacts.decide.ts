import type { ChartEvent } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import { contactAdded } from './chart-create.decide';
import type {
  AddChartContact,
  ChangeChartContactRoles,
  RecordClientAsContact,
  RecordClientNoLongerContact,
  RemoveChartContact,
} from './chart.commands';
import { clientChartOf } from './chart.guards';
import type { ChartState, OpenChart } from './chart.state';

const contactOf = (chart: OpenChart, contactId: string) => {
  const contact = chart.contacts[contactId];
  if (!contact) {
    throw new DomainError('ContactNotOnChart', 'not_found', 'That contact is not linked to this chart', [
      { field: 'contactId', message: 'is not a contact of this chart' },
    ]);
  }
  return contact;
};

/** Contacts can be added to any individual chart, not only to minors. */
export const addChartContact = (command: AddChartContact, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (chart.contacts[command.contact.contactId]) {
    throw new DomainError('ContactAlreadyOnChart', 'conflict', 'That contact is already linked to this chart', [
      { field: 'contactId', message: 'is already a contact of this chart' },
    ]);
  }
  if (command.contact.clientId === chart.chartId) {
    throw invalid('ContactIsTheClient', 'contactId', 'a client cannot be their own contact');
  }
  return [contactAdded(chart.chartId, command.contact, 'contact')];
};

/**
 * The contact a minor's billing settings bill keeps the billing role and stays linked while they do:
 * otherwise billing documents would go to no one ("Select Billing Contact if the contact should receive
 * billing documents"). Choose another Billing Contact in the billing settings first.
 */
const assertNotBilled = (chart: OpenChart, contactId: string, field: string): void => {
  const settings = chart.billing.settings;
  if (settings?.billTo === 'contact' && settings.billingContactId === contactId) {
    throw invalid('BilledContact', field, "is the contact the chart's billing settings bill; choose another Billing Contact there first");
  }
};

export const changeChartContactRoles = (command: ChangeChartContactRoles, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  const contact = contactOf(chart, command.contactId);
  if (JSON.stringify(contact.roles) === JSON.stringify(command.roles)) return [];
  if (!command.roles.billing) assertNotBilled(chart, command.contactId, 'billing');
  return [{ type: 'ChartContactRolesChanged', data: { chartId: chart.chartId, contactId: command.contactId, roles: command.roles } }];
};

/** A minor keeps at least one contact. */
export const removeChartContact = (command: RemoveChartContact, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  contactOf(chart, command.contactId);
  if (chart.kind === 'minor' && Object.keys(chart.contacts).length === 1) {
    throw invalid('MinorNeedsAContact', 'contactId', "a minor's last contact cannot be removed; add another one first");
  }
  assertNotBilled(chart, command.contactId, 'contactId');
  return [{ type: 'ChartContactRemoved', data: { chartId: chart.chartId, contactId: command.contactId } }];
};

/** On the client's own chart: it is (also) a contact on another chart. */
export const recordClientAsContact = (command: RecordClientAsContact, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (chart.contactOn[command.onChartId] !== undefined) return [];
  const { contactId, onChartId, onChartName } = command;
  return [{ type: 'ClientBecameContact', data: { chartId: chart.chartId, contactId, onChartId, onChartName } }];
};

export const recordClientNoLongerContact = (command: RecordClientNoLongerContact, state: ChartState): ChartEvent[] => {
  if (state.status !== 'open' || state.contactOn[command.onChartId] === undefined) return [];
  return [{ type: 'ClientCeasedToBeContact', data: { chartId: state.chartId, onChartId: command.onChartId } }];
};
