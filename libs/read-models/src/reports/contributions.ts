import { statusOf } from '../clients/client-list.projection';
import type { ReportChartDocument } from './report.document';

/** A count a chart adds to a measure: standing (`stock`) or dated (`flow`, with the instant it is dated by). */
export interface Contribution {
  readonly measure: 'stock' | 'flow';
  readonly key: string;
  /** For a flow: the instant (or date) it counts at. */
  readonly at?: string;
}

export const NOT_RECORDED = 'not recorded';

/** Counter keys are document field names (MongoDB): a value's `.` and `$` and `%` are escaped. */
export const keyPart = (value: string): string => value.replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
export const unkeyPart = (value: string): string => value.replace(/%(2E|24|25)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const isClient = (facts: ReportChartDocument): boolean => facts.chartKind !== 'group';

/** Everything a chart counts for in the reports; a deleted chart (null) counts for nothing. */
export const contributionsOf = (facts: ReportChartDocument | null): Contribution[] => {
  if (facts === null) return [];
  const out: Contribution[] = [];
  const stock = (key: string) => out.push({ measure: 'stock', key });
  const flow = (key: string, at: string) => out.push({ measure: 'flow', key, at });

  if (isClient(facts)) {
    stock(`status:${statusOf(facts.active, facts.invitation)}`);
    flow('newClients', facts.createdAt);
    // Demographics describe the practice's current clients: Inactive ones leave them.
    if (facts.active) {
      stock(`gender:${keyPart(facts.genderIdentity ?? NOT_RECORDED)}`);
      stock(`pronouns:${keyPart(facts.pronouns ?? NOT_RECORDED)}`);
      stock(`legalSex:${facts.legalSex === null ? NOT_RECORDED : 'recorded'}`);
      stock(`birth:${facts.birthMonth ?? 'unknown'}`);
    }
  }
  for (const tagId of facts.tagIds) stock(`tag:${tagId}`);
  const appointments = Object.values(facts.appointments);
  if (facts.active) {
    const practitioners = new Set(appointments.filter((a) => a.status !== 'cancelled').map((a) => a.practitionerId));
    for (const practitionerId of practitioners) stock(`caseload:${practitionerId}`);
  }
  for (const appointment of appointments) flow(`appointment:${appointment.practitionerId}:${appointment.status}`, appointment.start);
  for (const problem of facts.problems) flow(`needsAttention:${problem.reason}`, problem.since);
  return out;
};
