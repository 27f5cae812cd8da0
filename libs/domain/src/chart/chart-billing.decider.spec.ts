import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider, type ChartCommand } from './chart.decider';
import { chartId, contactAdded, groupCreated, individualCreated, memberAdded, minorCreated, now, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);
const rate = { amount: 15000, currency: 'USD' };
const services = {
  's-1': { name: 'Psychotherapy', code: '90837', durationMinutes: 60, rate, retired: false },
  's-old': { name: 'Old', code: '90834', durationMinutes: 45, rate, retired: true },
};
const settings = (overrides: Partial<Extract<ChartCommand, { type: 'SetBillingSettings' }>> = {}): ChartCommand => ({
  type: 'SetBillingSettings', chartId, practiceId, payer: 'private-pay', defaultServiceId: 's-1', billTo: 'client', billingContactId: null, services, ...overrides,
});
const settingsSet: ChartEvent = { type: 'ClientBillingSettingsSet', data: { chartId, payer: 'private-pay', defaultServiceId: 's-1', billTo: 'client', billingContactId: null } };

const policyFields = {
  rank: 'primary' as const, payerName: 'Aetna', payerId: '60054', memberId: 'W123456789', groupNumber: 'G-100',
  subscriberRelationship: 'self' as const, subscriberName: null, subscriberDateOfBirth: null, effectiveFrom: '2024-01-01', effectiveTo: null,
};
const addPolicy = (policyId: string, overrides: object = {}): ChartCommand => ({ type: 'AddInsurancePolicy', chartId, practiceId, policyId, now, ...policyFields, ...overrides }) as ChartCommand;
const policyAdded = (policyId: string, overrides: object = {}): ChartEvent => ({ type: 'InsurancePolicyAdded', data: { chartId, policyId, ...policyFields, ...overrides } }) as ChartEvent;

describe('Chart decider: billing settings', () => {
  describe('when the chart is an individual', () => {
    it('sets private pay with a default service, billing the client; the same settings change nothing', () => {
      spec.given([individualCreated]).when(settings()).then([settingsSet]);
      spec.given([individualCreated, settingsSet]).when(settings()).then([]);
    });

    it('refuses an unknown or retired default service', () => {
      spec.given([individualCreated]).when(settings({ defaultServiceId: 's-x' })).thenThrows('UnknownService', 'defaultServiceId');
      spec.given([individualCreated]).when(settings({ defaultServiceId: 's-old' })).thenThrows('UnknownService', 'defaultServiceId');
    });

    it('bills only the client', () => {
      spec.given([individualCreated]).when(settings({ billTo: 'contact', billingContactId: 'k-1' })).thenThrows('InvalidBillTo', 'billTo');
      spec.given([individualCreated]).when(settings({ billingContactId: 'k-1' })).thenThrows('InvalidBillTo', 'billingContactId');
    });
  });

  describe('when the chart is a minor', () => {
    it("bills a contact linked to the minor's chart", () => {
      spec.given([minorCreated, contactAdded('k-1', { billing: true })]).when(settings({ billTo: 'contact', billingContactId: 'k-1' }))
        .then([{ type: 'ClientBillingSettingsSet', data: { chartId, payer: 'private-pay', defaultServiceId: 's-1', billTo: 'contact', billingContactId: 'k-1' } }]);
      spec.given([minorCreated, contactAdded('k-1')]).when(settings({ billTo: 'contact', billingContactId: 'k-2' })).thenThrows('InvalidBillTo', 'billingContactId');
      spec.given([minorCreated, contactAdded('k-1')]).when(settings()).thenThrows('InvalidBillTo', 'billTo');
    });

    it('bills only a contact who is a Billing Contact of the chart ("Select Billing Contact if the contact should receive billing documents")', () => {
      spec.given([minorCreated, contactAdded('k-1', { billing: true }), contactAdded('k-2')])
        .when(settings({ billTo: 'contact', billingContactId: 'k-2' })).thenThrows('InvalidBillTo', 'billingContactId');
    });
  });

  describe('when the chart is a group', () => {
    const billingContact: ChartEvent = { type: 'GroupBillingContactDesignated', data: { chartId, clientId: 'm-1' } };
    const identified: ChartEvent = { type: 'IdentifiedPatientDesignated', data: { chartId, clientId: 'm-2' } };

    it("bills the group's Billing Contact member, once designated (never split between members)", () => {
      const group = [groupCreated, memberAdded('m-1'), memberAdded('m-2')];
      spec.given(group).when(settings({ billTo: 'group-billing-contact' })).thenThrows('InvalidBillTo', 'billTo');
      spec.given([...group, billingContact]).when(settings({ billTo: 'group-billing-contact' }))
        .then([{ type: 'ClientBillingSettingsSet', data: { chartId, payer: 'private-pay', defaultServiceId: 's-1', billTo: 'group-billing-contact', billingContactId: null } }]);
      spec.given([...group, billingContact]).when(settings()).thenThrows('InvalidBillTo', 'billTo');
    });

    it('bills insurance only with an Identified Patient, whose policies are used; private pay needs none', () => {
      const group = [groupCreated, memberAdded('m-1'), memberAdded('m-2'), billingContact];
      spec.given(group).when(settings({ billTo: 'group-billing-contact', payer: 'insurance' })).thenThrows('InvalidBillTo', 'payer');
      expect(() => chartDecider.decide(settings({ billTo: 'group-billing-contact', payer: 'insurance' }) as ChartCommand, [...group, identified].reduce(chartDecider.evolve, chartDecider.initialState()))).not.toThrow();
    });

    it('keeps no insurance policies of its own', () => {
      spec.given([groupCreated]).when(addPolicy('i-1')).thenThrows('GroupChartHasNoDetails');
    });
  });
});

describe('Chart decider: insurance policies', () => {
  it('adds a policy of the client as subscriber', () => {
    spec.given([individualCreated]).when(addPolicy('i-1', { payerName: ' Aetna ' })).then([policyAdded('i-1')]);
  });

  it("needs the subscriber's name and date of birth when the subscriber is not the client, and only then", () => {
    const spouse = { subscriberRelationship: 'spouse', subscriberName: { firstName: 'Sam', lastName: 'Lovelace' }, subscriberDateOfBirth: '1980-03-04' };
    spec.given([individualCreated]).when(addPolicy('i-1', spouse)).then([policyAdded('i-1', spouse)]);
    spec.given([individualCreated]).when(addPolicy('i-1', { ...spouse, subscriberName: null })).thenThrows('SubscriberRequired', 'subscriberName');
    spec.given([individualCreated]).when(addPolicy('i-1', { ...spouse, subscriberDateOfBirth: null })).thenThrows('SubscriberRequired', 'subscriberDateOfBirth');
    spec.given([individualCreated]).when(addPolicy('i-1', { ...spouse, subscriberDateOfBirth: '2099-01-01' })).thenThrows('DateOfBirthInFuture', 'subscriberDateOfBirth');
    spec.given([individualCreated]).when(addPolicy('i-1', { subscriberName: spouse.subscriberName })).thenThrows('SubscriberIsTheClient', 'subscriberName');
  });

  it('validates the effective dates', () => {
    spec.given([individualCreated]).when(addPolicy('i-1', { effectiveFrom: '2024-02-30' })).thenThrows('InvalidDate', 'effectiveFrom');
    spec.given([individualCreated]).when(addPolicy('i-1', { effectiveTo: '2023-12-31' })).thenThrows('InvalidEffectiveDates', 'effectiveTo');
  });

  it('keeps at most one primary and one secondary in effect on any day', () => {
    const history = [individualCreated, policyAdded('i-1', { effectiveTo: '2024-06-30' })];
    spec.given(history).when(addPolicy('i-2', { effectiveFrom: '2024-06-30' })).thenThrows('InsuranceRankTaken', 'rank');
    spec.given(history).when(addPolicy('i-2', { effectiveFrom: '2024-07-01' })).then([policyAdded('i-2', { effectiveFrom: '2024-07-01' })]);
    spec.given(history).when(addPolicy('i-2', { rank: 'secondary' })).then([policyAdded('i-2', { rank: 'secondary' })]);
    spec.given(history).when(addPolicy('i-1')).thenThrows('InsurancePolicyAlreadyExists');
  });

  it('changes and removes a policy; an unknown one is not found', () => {
    const history = [individualCreated, policyAdded('i-1')];
    spec.given(history).when({ type: 'ChangeInsurancePolicy', chartId, practiceId, policyId: 'i-1', now, ...policyFields, memberId: 'W2' })
      .then([{ type: 'InsurancePolicyChanged', data: { chartId, policyId: 'i-1', ...policyFields, memberId: 'W2' } }]);
    spec.given(history).when({ type: 'ChangeInsurancePolicy', chartId, practiceId, policyId: 'i-1', now, ...policyFields }).then([]);
    spec.given(history).when({ type: 'RemoveInsurancePolicy', chartId, practiceId, policyId: 'i-1' }).then([{ type: 'InsurancePolicyRemoved', data: { chartId, policyId: 'i-1' } }]);
    spec.given(history).when({ type: 'RemoveInsurancePolicy', chartId, practiceId, policyId: 'i-9' }).thenThrows('InsurancePolicyNotFound');
  });

  it("is not found on another practice's chart", () => {
    spec.given([individualCreated]).when({ ...addPolicy('i-1'), practiceId: 'p-other' } as ChartCommand).thenThrows('ChartNotFound');
  });
});
