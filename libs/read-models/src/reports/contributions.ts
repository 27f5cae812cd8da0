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
  const out: Contribution[] = [];
  forEachContribution(
    facts,
    (key) => out.push({ measure: 'stock', key }),
    (key, at) => out.push({ measure: 'flow', key, at }),
  );
  return out;
};

// The escaped values seen (few distinct: genders, pronouns), so a key is not escaped again per event.
const escaped = new Map<string, string>();
const keyPartOf = (value: string): string => {
  let part = escaped.get(value);
  if (part === undefined) {
    if (escaped.size > 10_000) escaped.clear();
    escaped.set(value, (part = keyPart(value)));
  }
  return part;
};

/**
 * What `contributionsOf` lists, handed to `stock` and `flow` one by one (no list, no object per
 * contribution: the report projection counts them twice per event, before and after it).
 */
export const forEachContribution = (facts: ReportChartDocument | null, stock: (key: string) => void, flow: (key: string, at: string) => void): void => {
  if (facts === null) return;
  if (isClient(facts)) {
    stock(`status:${statusOf(facts.active, facts.invitation)}`);
    flow('newClients', facts.createdAt);
    // Demographics describe the practice's current clients: Inactive ones leave them.
    if (facts.active) {
      stock(`gender:${keyPartOf(facts.genderIdentity ?? NOT_RECORDED)}`);
      stock(`pronouns:${keyPartOf(facts.pronouns ?? NOT_RECORDED)}`);
      stock(`legalSex:${facts.legalSex === null ? NOT_RECORDED : 'recorded'}`);
      stock(`birth:${facts.birthMonth ?? 'unknown'}`);
    }
  }
  for (const tagId of facts.tagIds) stock(`tag:${tagId}`);
  const appointments = facts.appointments;
  if (facts.active) {
    // Each practitioner once, of the appointments not cancelled (usually one or two: no Set).
    const practitioners: string[] = [];
    for (const id in appointments) {
      const { practitionerId, status } = appointments[id];
      if (status !== 'cancelled' && !practitioners.includes(practitionerId)) practitioners.push(practitionerId);
    }
    for (const practitionerId of practitioners) stock(`caseload:${practitionerId}`);
  }
  for (const id in appointments) {
    const appointment = appointments[id];
    flow(`appointment:${appointment.practitionerId}:${appointment.status}`, appointment.start);
  }
  for (const problem of facts.problems) flow(`needsAttention:${problem.reason}`, problem.since);
};
