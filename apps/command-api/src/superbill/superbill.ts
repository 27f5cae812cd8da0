import type { Address } from '@practice/events';
import type { ChartDocument, PracticeProfileDocument, UserProfileDocument } from '@practice/read-models';
import type { ChargeKind, ChartLedgerView } from './ledger-view';

/** A period of service days, both ends included (YYYY-MM-DD). */
export interface Period {
  readonly from: string;
  readonly to: string;
}

interface Name {
  readonly firstName: string;
  readonly lastName: string;
}

export interface SuperbillPractitioner {
  readonly userId: string;
  /** The legal name when the practitioner set one, else the name (null if the profile is gone). */
  readonly name: Name | null;
  readonly npi: string | null;
  readonly taxonomyCode: string | null;
  readonly license: { readonly type: string | null; readonly number: string | null; readonly state: string | null };
}

export interface SuperbillService {
  readonly chargeId: string;
  readonly date: string;
  readonly kind: ChargeKind;
  readonly serviceCode: string;
  readonly serviceName: string;
  readonly practitionerId: string;
  readonly fee: number;
  readonly paid: number;
}

/** What a superbill says, whatever it is rendered as (JSON or PDF). */
export interface Superbill {
  readonly chartId: string;
  readonly kind: ChartDocument['kind'];
  readonly period: Period;
  /** Of the group chart the superbill is for; null on an individual or minor chart. */
  readonly group: { readonly name: string } | null;
  /** The person billed for: the client, or a group chart's Identified Patient. */
  readonly client: {
    readonly clientId: string;
    /** The legal name when set, else the name: a superbill is a form that requires it. */
    readonly name: Name;
    readonly dateOfBirth: string | null;
    readonly address: Address | null;
  };
  readonly diagnosisCodes: readonly string[];
  readonly practice: { readonly practiceId: string; readonly name: string; readonly address: Address | null };
  readonly practitioners: readonly SuperbillPractitioner[];
  /** ISO 4217, as the ledger has it; null when the chart has no ledger (no charges yet). */
  readonly currency: string | null;
  readonly services: readonly SuperbillService[];
  /** Integer minor units of `currency`: fees and payments of the services listed, and what remains. */
  readonly totals: { readonly fee: number; readonly paid: number; readonly balance: number };
}

export interface SuperbillSources {
  /** The chart the superbill is for. */
  readonly chart: ChartDocument;
  /** Whose details it shows: the chart itself, or a group chart's Identified Patient's chart. */
  readonly patient: ChartDocument;
  readonly ledger: ChartLedgerView | null;
  readonly profiles: ReadonlyMap<string, UserProfileDocument>;
  /** The practice's name, and its address if it has one (the practice profile holds none yet). */
  readonly practice: Pick<PracticeProfileDocument, 'practiceId' | 'name'> & { readonly address?: Address | null };
  readonly period: Period;
}

const nameOf = (name: Name): Name => ({ firstName: name.firstName, lastName: name.lastName });

const practitionerOf = (userId: string, profile: UserProfileDocument | undefined): SuperbillPractitioner => ({
  userId,
  name: profile ? nameOf(profile.legalName ?? profile) : null,
  npi: profile?.clinicalInfo.npi ?? null,
  taxonomyCode: profile?.clinicalInfo.taxonomyCode ?? null,
  license: {
    type: profile?.clinicalInfo.licenseType ?? null,
    number: profile?.clinicalInfo.licenseNumber ?? null,
    state: profile?.clinicalInfo.licenseState ?? null,
  },
});

/**
 * The superbill of a chart for a period: a pure function of the read models it is made from. The
 * services are the chart's charges dated within the period (by date, then start); the practitioners
 * are those who provided them, in the order they first appear.
 */
export const assembleSuperbill = ({ chart, patient, ledger, profiles, practice, period }: SuperbillSources): Superbill => {
  const services = (ledger?.charges ?? [])
    .filter((charge) => charge.date >= period.from && charge.date <= period.to)
    .slice()
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.chargeId.localeCompare(b.chargeId))
    .map(({ chargeId, date, kind, serviceCode, serviceName, practitionerId, amount, paid }) => ({
      chargeId, date, kind, serviceCode, serviceName, practitionerId, fee: amount, paid,
    }));
  const practitionerIds = [...new Set(services.map((service) => service.practitionerId))];
  const fee = services.reduce((sum, service) => sum + service.fee, 0);
  const paid = services.reduce((sum, service) => sum + service.paid, 0);
  return {
    chartId: chart._id,
    kind: chart.kind,
    period: { from: period.from, to: period.to },
    group: chart.kind === 'group' && chart.group ? { name: chart.group.name } : null,
    client: {
      clientId: patient._id,
      name: nameOf(patient.identity.legalName ?? patient.profile),
      dateOfBirth: patient.overview.dateOfBirth,
      address: patient.overview.address,
    },
    diagnosisCodes: patient.diagnosisCodes ?? [],
    practice: { practiceId: practice.practiceId, name: practice.name, address: practice.address ?? null },
    practitioners: practitionerIds.map((userId) => practitionerOf(userId, profiles.get(userId))),
    currency: ledger?.currency ?? null,
    services,
    totals: { fee, paid, balance: fee - paid },
  };
};
