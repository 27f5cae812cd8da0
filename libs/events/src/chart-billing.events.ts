import { z, id, isoDate, isoDateTime, personName, chars } from './schema';
import type { DomainEvent } from './envelope';
import { currencyCode, minorUnits } from './service.events';

// ---- Billing data of a chart -------------------------------------------------------------------

export const payers = ['private-pay', 'insurance'] as const;
export type Payer = (typeof payers)[number];
/** Who is billed: the client (individual), a contact linked to a minor's chart, a group's Billing Contact member. */
export const billTos = ['client', 'contact', 'group-billing-contact'] as const;
export type BillTo = (typeof billTos)[number];

/** The whole billing settings of a chart, as set (the wizard's Billing Settings and Default Service). */
export const ClientBillingSettingsSetSchema = z
  .object({
    chartId: id,
    payer: z.enum(payers),
    defaultServiceId: id.nullable(),
    billTo: z.enum(billTos),
    /** The contact billed, when `billTo` is `contact`. */
    billingContactId: id.nullable(),
  })
  .strict();
export type ClientBillingSettingsSet = DomainEvent<'ClientBillingSettingsSet', z.infer<typeof ClientBillingSettingsSetSchema>>;

export const insuranceRanks = ['primary', 'secondary'] as const;
export type InsuranceRank = (typeof insuranceRanks)[number];
export const subscriberRelationships = ['self', 'spouse', 'child', 'other'] as const;
export type SubscriberRelationship = (typeof subscriberRelationships)[number];

export const insurancePolicyShape = {
  chartId: id,
  policyId: id,
  rank: z.enum(insuranceRanks),
  payerName: chars(200),
  payerId: chars(50),
  memberId: chars(50),
  groupNumber: chars(50).nullable(),
  subscriberRelationship: z.enum(subscriberRelationships),
  /** Only when the subscriber is not the client (the least personal data a claim needs). */
  subscriberName: z.object({ firstName: personName, lastName: personName }).strict().nullable(),
  subscriberDateOfBirth: isoDate.nullable(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
};
export const InsurancePolicyAddedSchema = z.object(insurancePolicyShape).strict();
export type InsurancePolicyAdded = DomainEvent<'InsurancePolicyAdded', z.infer<typeof InsurancePolicyAddedSchema>>;
/** The whole policy as it is now. */
export const InsurancePolicyChangedSchema = z.object(insurancePolicyShape).strict();
export type InsurancePolicyChanged = DomainEvent<'InsurancePolicyChanged', z.infer<typeof InsurancePolicyChangedSchema>>;
export type InsurancePolicy = Omit<z.infer<typeof InsurancePolicyAddedSchema>, 'chartId'>;

export const InsurancePolicyRemovedSchema = z.object({ chartId: id, policyId: id }).strict();
export type InsurancePolicyRemoved = DomainEvent<'InsurancePolicyRemoved', z.infer<typeof InsurancePolicyRemovedSchema>>;

// ---- Charges, payments, refunds ----------------------------------------------------------------

export const chargeKinds = ['session', 'late-cancel', 'no-show'] as const;
export type ChargeKind = (typeof chargeKinds)[number];

/**
 * What an appointment costs the client, recorded with the command that completed it (or marked it a
 * late cancellation or a no-show). The service's code and name are copied as they were then: a later
 * change of the catalogue never rewrites a charge.
 */
export const ChargeRecordedSchema = z
  .object({
    chartId: id,
    chargeId: id,
    appointmentId: id,
    kind: z.enum(chargeKinds),
    /** The session's day (YYYY-MM-DD, UTC) and start. */
    date: isoDate,
    start: isoDateTime,
    serviceId: id.nullable(),
    serviceCode: z.string().min(1).max(10).nullable(),
    serviceName: chars(200).nullable(),
    practitionerId: id,
    amount: minorUnits,
    currency: currencyCode,
  })
  .strict();
export type ChargeRecorded = DomainEvent<'ChargeRecorded', z.infer<typeof ChargeRecordedSchema>>;

export const paymentMethods = ['card', 'cash', 'check', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
const application = z.object({ chargeId: id, amount: minorUnits.min(1) }).strict();

/** A payment and how much of it goes to which charge; what is not applied is the client's credit. */
export const PaymentRecordedSchema = z
  .object({
    chartId: id,
    paymentId: id,
    amount: minorUnits.min(1),
    currency: currencyCode,
    method: z.enum(paymentMethods),
    date: isoDate,
    reference: chars(200).nullable(),
    applications: z.array(application).max(100),
  })
  .strict();
export type PaymentRecorded = DomainEvent<'PaymentRecorded', z.infer<typeof PaymentRecordedSchema>>;

/**
 * Money given back from a payment. `applications` says how much of the refund comes off which charge
 * the payment was applied to (the charge owes that much again); the rest came from the credit.
 */
export const PaymentRefundedSchema = z
  .object({
    chartId: id,
    paymentId: id,
    refundId: id,
    amount: minorUnits.min(1),
    date: isoDate,
    applications: z.array(application).max(100),
  })
  .strict();
export type PaymentRefunded = DomainEvent<'PaymentRefunded', z.infer<typeof PaymentRefundedSchema>>;

export type ChartBillingEvent =
  | ClientBillingSettingsSet
  | InsurancePolicyAdded
  | InsurancePolicyChanged
  | InsurancePolicyRemoved
  | ChargeRecorded
  | PaymentRecorded
  | PaymentRefunded;

export const chartBillingEventSchemas = {
  ClientBillingSettingsSet: ClientBillingSettingsSetSchema,
  InsurancePolicyAdded: InsurancePolicyAddedSchema,
  InsurancePolicyChanged: InsurancePolicyChangedSchema,
  InsurancePolicyRemoved: InsurancePolicyRemovedSchema,
  ChargeRecorded: ChargeRecordedSchema,
  PaymentRecorded: PaymentRecordedSchema,
  PaymentRefunded: PaymentRefundedSchema,
} as const;
