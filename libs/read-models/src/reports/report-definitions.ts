import type { Permission } from '@practice/domain';
import type { Granularity } from './periods';

/** Every report of a practice, by the name its route takes: `GET /practices/{id}/reports/{name}`. */
export const reportNames = ['new-clients', 'client-status', 'caseload', 'appointments', 'demographics', 'tags', 'needs-attention', 'revenue', 'revenue-by-clinician', 'outstanding'] as const;
export type ReportName = (typeof reportNames)[number];

export const isReportName = (name: string): name is ReportName => (reportNames as readonly string[]).includes(name);

export interface ReportParameters {
  /** First calendar day (YYYY-MM-DD, practice time zone), included. */
  readonly from: string;
  /** Last calendar day, included. */
  readonly to: string;
  readonly granularity: Granularity;
}

/** A cell: a count, a rate, a name, or `<5` for a suppressed small count. */
export type ReportCell = string | number | null;

export interface ReportResult extends ReportParameters {
  readonly report: ReportName;
  readonly practiceId: string;
  readonly timeZone: string;
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, ReportCell>>[];
}

/** The columns of each report, in CSV order. */
export const reportColumns: Readonly<Record<ReportName, readonly string[]>> = {
  'new-clients': ['period', 'newClients'],
  'client-status': ['period', 'active', 'pending', 'inactive'],
  caseload: ['period', 'practitionerId', 'practitionerName', 'clients'],
  appointments: ['period', 'practitionerId', 'practitionerName', 'booked', 'completed', 'cancelled', 'lateCancelled', 'noShow', 'attendanceRate'],
  demographics: ['period', 'dimension', 'value', 'count'],
  tags: ['period', 'tagId', 'tagName', 'clients'],
  'needs-attention': ['asOf', 'reason', 'age', 'items'],
  revenue: ['period', 'currency', 'charges', 'charged', 'payments', 'paid', 'paidCard', 'paidCash', 'paidCheck', 'paidOther', 'refunds', 'refunded', 'net'],
  'revenue-by-clinician': ['period', 'currency', 'practitionerId', 'practitionerName', 'charges', 'charged', 'paid', 'refunded', 'net'],
  outstanding: ['asOf', 'currency', 'practitionerId', 'practitionerName', 'days0to30', 'days31to60', 'days61to90', 'over90', 'outstanding', 'unappliedCredit', 'balance'],
};

/**
 * What a report holds beyond `reports:read`: a caller whose role lacks one of these is refused the
 * report (403), so a report never holds what the role may not read.
 */
export const reportPermissions: Readonly<Record<ReportName, readonly Permission[]>> = {
  'new-clients': ['clients:read'],
  'client-status': ['clients:read'],
  caseload: ['clients:read', 'members:read'],
  appointments: ['clients:read', 'members:read'],
  demographics: ['charts:read'],
  tags: ['clients:read'],
  'needs-attention': ['clients:read'],
  revenue: ['billing:read'],
  'revenue-by-clinician': ['billing:read', 'members:read'],
  outstanding: ['billing:read', 'members:read'],
};

/** Counts from 1 to 4 of the demographics report are shown as this (small-cell suppression). */
export const SUPPRESSED = '<5';
export const suppressed = (count: number): number | string => (count >= 1 && count <= 4 ? SUPPRESSED : count);

export const ageBands = ['0-12', '13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

/** The band of an age in whole years, from the month of birth (YYYY-MM) as of a day (YYYY-MM-DD). */
export const ageBandOf = (birthMonth: string, asOf: string): string => {
  const [by, bm] = birthMonth.split('-').map(Number);
  const [y, m] = asOf.split('-').map(Number);
  const age = y - by - (m < bm ? 1 : 0);
  const limits = [12, 17, 24, 34, 44, 54, 64];
  const index = limits.findIndex((limit) => age <= limit);
  return age < 0 ? 'unknown' : ageBands[index === -1 ? ageBands.length - 1 : index];
};

export const needsAttentionAges = ['0-7 days', '8-30 days', '31-90 days', 'over 90 days'] as const;
export const needsAttentionAgeOf = (days: number): string =>
  days <= 7 ? needsAttentionAges[0] : days <= 30 ? needsAttentionAges[1] : days <= 90 ? needsAttentionAges[2] : needsAttentionAges[3];
