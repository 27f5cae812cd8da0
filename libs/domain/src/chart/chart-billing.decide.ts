import type { ChartEvent, InsurancePolicy } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import { assertCalendarDate } from '../shared/calendar-date';
import type { AddInsurancePolicy, ChangeInsurancePolicy, InsurancePolicyFields, RemoveInsurancePolicy, SetBillingSettings } from './chart-billing.commands';
import { clientChartOf, openChartOf } from './chart.guards';
import type { ChartState, OpenChart } from './chart.state';
import { characterCount } from '../shared/unicode-text';

export const insurancePolicyNotFound = (): DomainError => new DomainError('InsurancePolicyNotFound', 'not_found', 'No such insurance policy on this chart');

/**
 * Who is billed follows the kind of chart: an individual is billed themselves; a minor, one contact
 * linked to the chart; a group chart, its Billing Contact member (never split between members: group
 * therapy is not supported with shared billing).
 */
const assertBillTo = (command: SetBillingSettings, chart: OpenChart): void => {
  const expected = { individual: 'client', minor: 'contact', group: 'group-billing-contact' }[chart.kind];
  if (command.billTo !== expected) throw invalid('InvalidBillTo', 'billTo', `must be ${expected} on a ${chart.kind} chart`);
  if (command.billTo === 'contact') {
    if (command.billingContactId === null) throw invalid('InvalidBillTo', 'billingContactId', "must name a contact linked to the minor's chart");
    if (!chart.contacts[command.billingContactId]) throw invalid('InvalidBillTo', 'billingContactId', "must be a contact linked to the minor's chart");
    // "Select Billing Contact if the contact should receive billing documents": only a Billing Contact is billed.
    if (!chart.contacts[command.billingContactId].roles.billing) {
      throw invalid('InvalidBillTo', 'billingContactId', "must be a Billing Contact of the minor's chart (the contact's billing role)");
    }
  } else if (command.billingContactId !== null) {
    throw invalid('InvalidBillTo', 'billingContactId', 'is only for billTo contact');
  }
  if (command.billTo === 'group-billing-contact' && chart.billingMemberId === null) {
    throw invalid('InvalidBillTo', 'billTo', "the group chart has no Billing Contact member; designate one first");
  }
  // A group bills its Identified Patient's insurance: without one there is no policy to bill.
  if (chart.kind === 'group' && command.payer === 'insurance' && chart.identifiedPatientId === null) {
    throw invalid('InvalidBillTo', 'payer', 'a group chart billed to insurance needs an Identified Patient, whose insurance is used');
  }
};

export const setBillingSettings = (command: SetBillingSettings, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  if (command.defaultServiceId !== null) {
    const service = command.services[command.defaultServiceId];
    if (!service || service.retired) throw invalid('UnknownService', 'defaultServiceId', "must be a service of the practice's catalogue that is not retired");
  }
  assertBillTo(command, chart);
  const { payer, defaultServiceId, billTo, billingContactId } = command;
  const settings = { payer, defaultServiceId, billTo, billingContactId };
  if (JSON.stringify(settings) === JSON.stringify(chart.billing.settings)) return [];
  return [{ type: 'ClientBillingSettingsSet', data: { chartId: chart.chartId, ...settings } }];
};

const requiredText = (value: string, field: string, max: number): string => {
  const text = value.trim();
  if (text.length === 0) throw invalid('NameRequired', field, 'must not be empty');
  if (characterCount(text) > max) throw invalid('TextTooLong', field, `must be at most ${max} characters`);
  return text;
};

const tidyPolicy = (fields: InsurancePolicyFields, now: string): Omit<InsurancePolicy, 'policyId'> => {
  const self = fields.subscriberRelationship === 'self';
  if (self && (fields.subscriberName !== null || fields.subscriberDateOfBirth !== null)) {
    throw invalid('SubscriberIsTheClient', fields.subscriberName !== null ? 'subscriberName' : 'subscriberDateOfBirth', 'is given only when the subscriber is not the client');
  }
  if (!self && fields.subscriberName === null) throw invalid('SubscriberRequired', 'subscriberName', 'is required when the subscriber is not the client');
  if (!self && fields.subscriberDateOfBirth === null) throw invalid('SubscriberRequired', 'subscriberDateOfBirth', 'is required when the subscriber is not the client');
  const subscriberName = fields.subscriberName && {
    firstName: requiredText(fields.subscriberName.firstName, 'subscriberName.firstName', 200),
    lastName: requiredText(fields.subscriberName.lastName, 'subscriberName.lastName', 200),
  };
  const subscriberDateOfBirth = fields.subscriberDateOfBirth && assertCalendarDate(fields.subscriberDateOfBirth, 'subscriberDateOfBirth');
  if (subscriberDateOfBirth && subscriberDateOfBirth > now.slice(0, 10)) throw invalid('DateOfBirthInFuture', 'subscriberDateOfBirth', 'must not be in the future');
  const effectiveFrom = assertCalendarDate(fields.effectiveFrom, 'effectiveFrom');
  const effectiveTo = fields.effectiveTo && assertCalendarDate(fields.effectiveTo, 'effectiveTo');
  if (effectiveTo !== null && effectiveTo < effectiveFrom) throw invalid('InvalidEffectiveDates', 'effectiveTo', 'must not be before effectiveFrom');
  const groupNumber = fields.groupNumber === null ? null : requiredText(fields.groupNumber, 'groupNumber', 50);
  return {
    rank: fields.rank,
    payerName: requiredText(fields.payerName, 'payerName', 200),
    payerId: requiredText(fields.payerId, 'payerId', 50),
    memberId: requiredText(fields.memberId, 'memberId', 50),
    groupNumber,
    subscriberRelationship: fields.subscriberRelationship,
    subscriberName,
    subscriberDateOfBirth,
    effectiveFrom,
    effectiveTo,
  };
};

/** At most one primary and one secondary policy in effect on any day: same-rank periods never overlap. */
const assertRankFree = (chart: OpenChart, policy: Omit<InsurancePolicy, 'policyId'>, exceptPolicyId: string): void => {
  const overlaps = Object.values(chart.billing.policies).some(
    (other) =>
      other.policyId !== exceptPolicyId &&
      other.rank === policy.rank &&
      (other.effectiveTo === null || other.effectiveTo >= policy.effectiveFrom) &&
      (policy.effectiveTo === null || policy.effectiveTo >= other.effectiveFrom),
  );
  if (overlaps) {
    throw new DomainError('InsuranceRankTaken', 'conflict', `Another ${policy.rank} policy is in effect on some of the same days`, [
      { field: 'rank', message: `another ${policy.rank} policy is in effect on some of these days; end it first` },
    ]);
  }
};

/** Insurance lives on a client's own chart; a group chart bills its Identified Patient's policies. */
export const addInsurancePolicy = (command: AddInsurancePolicy, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (chart.billing.policies[command.policyId]) throw new DomainError('InsurancePolicyAlreadyExists', 'conflict', 'An insurance policy with this id already exists');
  const policy = tidyPolicy(command, command.now);
  assertRankFree(chart, policy, command.policyId);
  return [{ type: 'InsurancePolicyAdded', data: { chartId: chart.chartId, policyId: command.policyId, ...policy } }];
};

export const changeInsurancePolicy = (command: ChangeInsurancePolicy, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  const current = chart.billing.policies[command.policyId];
  if (!current) throw insurancePolicyNotFound();
  const { type: _t, chartId: _c, practiceId: _p, policyId: _i, now: _n, ...given } = command;
  const { policyId: _current, ...fields } = current;
  const merged = { ...fields, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) } as InsurancePolicyFields;
  const policy = { policyId: command.policyId, ...tidyPolicy(merged, command.now) };
  if (JSON.stringify(policy) === JSON.stringify(current)) return [];
  assertRankFree(chart, policy, command.policyId);
  return [{ type: 'InsurancePolicyChanged', data: { chartId: chart.chartId, ...policy } }];
};

export const removeInsurancePolicy = (command: RemoveInsurancePolicy, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (!chart.billing.policies[command.policyId]) throw insurancePolicyNotFound();
  return [{ type: 'InsurancePolicyRemoved', data: { chartId: chart.chartId, policyId: command.policyId } }];
};
