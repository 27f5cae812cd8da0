import type { BillTo, InsuranceRank, Payer, PaymentMethod, SubscriberRelationship } from '@practice/events';
import type { CatalogueService } from '../services/service-catalogue.decider';

interface OnChart {
  readonly chartId: string;
  readonly practiceId: string;
}

/** The catalogue as the application read it for this command (the decider checks the ids against it). */
export type CatalogueSnapshot = Readonly<Record<string, CatalogueService>>;

export interface SetBillingSettings extends OnChart {
  readonly type: 'SetBillingSettings';
  readonly payer: Payer;
  readonly defaultServiceId: string | null;
  readonly billTo: BillTo;
  readonly billingContactId: string | null;
  readonly services: CatalogueSnapshot;
}

export interface InsurancePolicyFields {
  readonly rank: InsuranceRank;
  readonly payerName: string;
  readonly payerId: string;
  readonly memberId: string;
  readonly groupNumber: string | null;
  readonly subscriberRelationship: SubscriberRelationship;
  readonly subscriberName: { readonly firstName: string; readonly lastName: string } | null;
  readonly subscriberDateOfBirth: string | null;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}
export interface AddInsurancePolicy extends OnChart, InsurancePolicyFields {
  readonly type: 'AddInsurancePolicy';
  readonly policyId: string;
  readonly now: string;
}
/** The fields given replace the policy's (PUT gives all, PATCH some; null clears an optional one). */
export interface ChangeInsurancePolicy extends OnChart, Partial<InsurancePolicyFields> {
  readonly type: 'ChangeInsurancePolicy';
  readonly policyId: string;
  readonly now: string;
}
export interface RemoveInsurancePolicy extends OnChart {
  readonly type: 'RemoveInsurancePolicy';
  readonly policyId: string;
}

export interface PaymentApplication {
  readonly chargeId: string;
  readonly amount: number;
}
export interface RecordPayment extends OnChart {
  readonly type: 'RecordPayment';
  readonly paymentId: string;
  readonly amount: number;
  readonly currency: string;
  readonly method: PaymentMethod;
  readonly date: string;
  readonly reference: string | null;
  readonly applications: readonly PaymentApplication[];
}
export interface RefundPayment extends OnChart {
  readonly type: 'RefundPayment';
  readonly paymentId: string;
  readonly refundId: string;
  readonly amount: number;
  readonly date: string;
}

/** A late cancellation or a no-show, with the practice's fee for it (0: none) read by the application. */
export interface LateCancelAppointment extends OnChart {
  readonly type: 'LateCancelAppointment';
  readonly appointmentId: string;
  readonly fee: { readonly amount: number; readonly currency: string };
}
export interface MarkAppointmentNoShow extends OnChart {
  readonly type: 'MarkAppointmentNoShow';
  readonly appointmentId: string;
  /** A no-show is known only once the appointment has started. */
  readonly now: string;
  readonly fee: { readonly amount: number; readonly currency: string };
}

export type ChartBillingCommand =
  | SetBillingSettings
  | AddInsurancePolicy
  | ChangeInsurancePolicy
  | RemoveInsurancePolicy
  | RecordPayment
  | RefundPayment
  | LateCancelAppointment
  | MarkAppointmentNoShow;
