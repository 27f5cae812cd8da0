import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider } from './chart.decider';
import { chartId, contactAdded, groupCreated, individualCreated, minorCreated, noRoles, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);
const contact = (contactId: string, clientId: string | null = null) => ({ contactId, firstName: 'Bob', lastName: 'Jones', relationship: null, clientId, roles: noRoles });

describe('Chart decider: contacts', () => {
  describe('on an individual chart', () => {
    it('adds a contact (not only minors have contacts)', () => {
      spec.given([individualCreated]).when({ type: 'AddChartContact', chartId, practiceId, contact: contact('k-1') }).then([contactAdded('k-1')]);
    });

    it('refuses the same contact twice, and the client as their own contact', () => {
      spec.given([individualCreated, contactAdded('k-1')]).when({ type: 'AddChartContact', chartId, practiceId, contact: contact('k-1') }).thenThrows('ContactAlreadyOnChart');
      spec.given([individualCreated]).when({ type: 'AddChartContact', chartId, practiceId, contact: contact('k-2', chartId) }).thenThrows('ContactIsTheClient');
    });

    it('changes the roles of a contact', () => {
      const roles = { ...noRoles, billing: true, viewsUpcomingAppointments: true };
      spec
        .given([individualCreated, contactAdded('k-1')])
        .when({ type: 'ChangeChartContactRoles', chartId, practiceId, contactId: 'k-1', roles })
        .then([{ type: 'ChartContactRolesChanged', data: { chartId, contactId: 'k-1', roles } }]);
      spec.given([individualCreated, contactAdded('k-1')]).when({ type: 'ChangeChartContactRoles', chartId, practiceId, contactId: 'k-1', roles: noRoles }).then([]);
      spec.given([individualCreated]).when({ type: 'ChangeChartContactRoles', chartId, practiceId, contactId: 'k-9', roles: noRoles }).thenThrows('ContactNotOnChart', 'contactId');
    });

    it('removes a contact', () => {
      spec.given([individualCreated, contactAdded('k-1')]).when({ type: 'RemoveChartContact', chartId, practiceId, contactId: 'k-1' }).then([{ type: 'ChartContactRemoved', data: { chartId, contactId: 'k-1' } }]);
    });

    it("records, on a client's own chart, being a contact elsewhere, once", () => {
      const became: ChartEvent = { type: 'ClientBecameContact', data: { chartId, contactId: 'k-1', onChartId: 'm-1', onChartName: 'Tim Jones' } };
      spec.given([individualCreated]).when({ type: 'RecordClientAsContact', chartId, practiceId, contactId: 'k-1', onChartId: 'm-1', onChartName: 'Tim Jones' }).then([became]);
      spec.given([individualCreated, became]).when({ type: 'RecordClientAsContact', chartId, practiceId, contactId: 'k-1', onChartId: 'm-1', onChartName: 'Tim Jones' }).then([]);
      spec.given([individualCreated, became]).when({ type: 'RecordClientNoLongerContact', chartId, practiceId, onChartId: 'm-1' }).then([{ type: 'ClientCeasedToBeContact', data: { chartId, onChartId: 'm-1' } }]);
    });
  });

  describe('on a minor chart', () => {
    it("refuses to remove the minor's last contact", () => {
      spec.given([minorCreated, contactAdded('k-1')]).when({ type: 'RemoveChartContact', chartId, practiceId, contactId: 'k-1' }).thenThrows('MinorNeedsAContact');
      spec
        .given([minorCreated, contactAdded('k-1'), contactAdded('k-2')])
        .when({ type: 'RemoveChartContact', chartId, practiceId, contactId: 'k-1' })
        .then([{ type: 'ChartContactRemoved', data: { chartId, contactId: 'k-1' } }]);
    });
  });

  describe("the contact a minor's billing settings bill", () => {
    const billed: ChartEvent = { type: 'ClientBillingSettingsSet', data: { chartId, payer: 'private-pay', defaultServiceId: null, billTo: 'contact', billingContactId: 'k-1' } };
    const given = [minorCreated, contactAdded('k-1', { billing: true }), contactAdded('k-2', { billing: true }), billed];

    it('keeps the billing role and stays linked until the settings bill another', () => {
      spec.given(given).when({ type: 'RemoveChartContact', chartId, practiceId, contactId: 'k-1' }).thenThrows('BilledContact', 'contactId');
      spec.given(given).when({ type: 'ChangeChartContactRoles', chartId, practiceId, contactId: 'k-1', roles: noRoles }).thenThrows('BilledContact', 'billing');
    });

    it('may change its other roles, and the other contacts are free', () => {
      const roles = { ...noRoles, billing: true, receivesReminders: true };
      spec.given(given).when({ type: 'ChangeChartContactRoles', chartId, practiceId, contactId: 'k-1', roles }).then([{ type: 'ChartContactRolesChanged', data: { chartId, contactId: 'k-1', roles } }]);
      spec.given(given).when({ type: 'RemoveChartContact', chartId, practiceId, contactId: 'k-2' }).then([{ type: 'ChartContactRemoved', data: { chartId, contactId: 'k-2' } }]);
      const rebilled: ChartEvent = { type: 'ClientBillingSettingsSet', data: { chartId, payer: 'private-pay', defaultServiceId: null, billTo: 'contact', billingContactId: 'k-2' } };
      spec.given([...given, rebilled]).when({ type: 'RemoveChartContact', chartId, practiceId, contactId: 'k-1' }).then([{ type: 'ChartContactRemoved', data: { chartId, contactId: 'k-1' } }]);
    });
  });

  describe('on a group chart', () => {
    it('has members, not contacts', () => {
      spec.given([groupCreated]).when({ type: 'AddChartContact', chartId, practiceId, contact: contact('k-1') }).thenThrows('GroupChartHasNoDetails');
    });
  });
});
