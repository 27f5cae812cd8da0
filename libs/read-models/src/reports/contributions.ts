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

/**
 * Counter keys by measure and value, built once: the same string for every event (its hash and its
 * place among property names kept by V8), not a new one per contribution. Few distinct values per
 * measure (statuses, genders, tags, practitioners); a cache that grows past 10,000 starts over.
 */
class CounterKeys {
  private readonly keys = new Map<string, string>();
  constructor(private readonly build: (value: string) => string) {}
  of(value: string): string {
    let key = this.keys.get(value);
    if (key === undefined) {
      if (this.keys.size > 10_000) this.keys.clear();
      this.keys.set(value, (key = this.build(value)));
    }
    return key;
  }
}

const statusKeys = new CounterKeys((status) => `status:${status}`);
const genderKeys = new CounterKeys((gender) => `gender:${keyPart(gender)}`);
const pronounKeys = new CounterKeys((pronouns) => `pronouns:${keyPart(pronouns)}`);
const LEGAL_SEX_KEYS = { recorded: 'legalSex:recorded', notRecorded: `legalSex:${NOT_RECORDED}` } as const;
const birthKeys = new CounterKeys((month) => `birth:${month}`);
const tagKeys = new CounterKeys((tagId) => `tag:${tagId}`);
const caseloadKeys = new CounterKeys((practitionerId) => `caseload:${practitionerId}`);
const needsAttentionKeys = new CounterKeys((reason) => `needsAttention:${reason}`);
// By practitioner, then status.
const appointmentKeys = new Map<string, CounterKeys>();
const appointmentKey = (practitionerId: string, status: string): string => {
  let byStatus = appointmentKeys.get(practitionerId);
  if (byStatus === undefined) {
    if (appointmentKeys.size > 10_000) appointmentKeys.clear();
    appointmentKeys.set(practitionerId, (byStatus = new CounterKeys((s) => `appointment:${practitionerId}:${s}`)));
  }
  return byStatus.of(status);
};

/**
 * What `contributionsOf` lists, handed to `stock` and `flow` one by one (no list, no object per
 * contribution: the report projection counts them twice per event, before and after it).
 */
export const forEachContribution = (facts: ReportChartDocument | null, stock: (key: string) => void, flow: (key: string, at: string) => void): void => {
  if (facts === null) return;
  if (isClient(facts)) {
    stock(statusKeys.of(statusOf(facts.active, facts.invitation)));
    flow('newClients', facts.createdAt);
    // Demographics describe the practice's current clients: Inactive ones leave them.
    if (facts.active) {
      stock(genderKeys.of(facts.genderIdentity ?? NOT_RECORDED));
      stock(pronounKeys.of(facts.pronouns ?? NOT_RECORDED));
      stock(facts.legalSex === null ? LEGAL_SEX_KEYS.notRecorded : LEGAL_SEX_KEYS.recorded);
      stock(birthKeys.of(facts.birthMonth ?? 'unknown'));
    }
  }
  for (const tagId of facts.tagIds) stock(tagKeys.of(tagId));
  const appointments = facts.appointments;
  if (facts.active) {
    // Each practitioner once, of the appointments not cancelled (usually one or two: no Set).
    const practitioners: string[] = [];
    for (const id in appointments) {
      const { practitionerId, status } = appointments[id];
      if (status !== 'cancelled' && !practitioners.includes(practitionerId)) practitioners.push(practitionerId);
    }
    for (const practitionerId of practitioners) stock(caseloadKeys.of(practitionerId));
  }
  for (const id in appointments) {
    const appointment = appointments[id];
    flow(appointmentKey(appointment.practitionerId, appointment.status), appointment.start);
  }
  for (const problem of facts.problems) flow(needsAttentionKeys.of(problem.reason), problem.since);
};
