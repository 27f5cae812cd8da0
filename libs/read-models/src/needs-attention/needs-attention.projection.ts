import type { ClientCreated, GroupChartCreated, ChartContactAdded, ChartContactRolesChanged, ClientProfileEdited, RecordedEvent } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { byChartId, defineProjection } from '../projection';

export const NEEDS_ATTENTION = 'needs_attention';

export type NeedsAttentionReason =
  | 'ClientSetupIncomplete'
  | 'MinorWithoutBillingContact'
  | 'GroupChartWithoutIdentifiedPatient'
  | 'GroupChartWithoutBillingContact';

/** What a chart's problems are computed from. */
export interface ChartFacts {
  readonly kind: 'individual' | 'minor' | 'group';
  readonly setupComplete: boolean;
  /** Contacts of the chart that receive billing documents. */
  readonly billingContactIds: readonly string[];
  readonly identifiedPatientId: string | null;
  readonly billingMemberId: string | null;
}

/**
 * One document per chart with its open problems (`problems`) and the facts they follow from. The
 * Needs Attention list shows one item per open problem; an item leaves when its problem is resolved.
 * `openIn` is the practice id while the chart has a problem and absent otherwise, so the list reads
 * only charts with problems, in the order they came up, however many charts are fine.
 */
export interface NeedsAttentionDocument extends ReadDocument {
  readonly practiceId: string;
  readonly chartId: string;
  readonly clientName: string;
  readonly facts: ChartFacts;
  readonly problems: readonly { readonly reason: NeedsAttentionReason; readonly since: string }[];
  readonly openIn?: string;
  /** When the oldest open problem came up. */
  readonly since?: string;
}

const reasonsOf = (facts: ChartFacts): NeedsAttentionReason[] => {
  const reasons: NeedsAttentionReason[] = [];
  if (!facts.setupComplete) reasons.push('ClientSetupIncomplete');
  if (facts.kind === 'minor' && facts.billingContactIds.length === 0) reasons.push('MinorWithoutBillingContact');
  if (facts.kind === 'group' && facts.identifiedPatientId === null) reasons.push('GroupChartWithoutIdentifiedPatient');
  if (facts.kind === 'group' && facts.billingMemberId === null) reasons.push('GroupChartWithoutBillingContact');
  return reasons;
};

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Recomputes the problems from the facts, keeping when each still-open problem came up. One copy of the
 * document (without `openIn` and `since`), then the new fields set on that copy: `openIn` and `since`
 * come last, as they always have.
 */
const withFacts = (doc: NeedsAttentionDocument, facts: ChartFacts, event: RecordedEvent, patch?: Partial<NeedsAttentionDocument>): NeedsAttentionDocument => {
  const problems = reasonsOf(facts).map(
    (reason) => doc.problems.find((p) => p.reason === reason) ?? { reason, since: event.metadata.occurredAt },
  );
  const { openIn: _o, since: _s, ...rest } = patch === undefined ? doc : { ...doc, ...patch };
  const next = rest as Writable<NeedsAttentionDocument>;
  next.facts = facts;
  next.problems = problems;
  if (problems.length === 0) return next;
  let since = problems[0].since;
  for (const problem of problems) if (problem.since < since) since = problem.since;
  next.openIn = doc.practiceId;
  next.since = since;
  return next;
};

const changeFacts = (patch: (facts: ChartFacts, event: RecordedEvent) => Partial<ChartFacts>) => (doc: NeedsAttentionDocument | null, event: RecordedEvent) =>
  doc === null ? null : withFacts(doc, { ...doc.facts, ...patch(doc.facts, event) }, event);

const created = (event: RecordedEvent, id: string, practiceId: string, clientName: string, kind: ChartFacts['kind']) =>
  withFacts(
    { _id: id, practiceId, chartId: id, clientName, facts: {} as ChartFacts, problems: [] },
    { kind, setupComplete: kind === 'group', billingContactIds: [], identifiedPatientId: null, billingMemberId: null },
    event,
  );

const setBilling = (ids: readonly string[], contactId: string, billing: boolean): string[] =>
  billing ? [...ids.filter((id) => id !== contactId), contactId] : ids.filter((id) => id !== contactId);

export const needsAttentionProjection = defineProjection<NeedsAttentionDocument>({
  name: NEEDS_ATTENTION,
  indexes: [{ name: 'open_since', keys: { openIn: 1, since: 1, _id: 1 } }],
  documentIds: byChartId,
  handlers: {
    ClientCreated: (_doc, event, id) => {
      const { data } = event as RecordedEvent & ClientCreated;
      return created(event, id, data.practiceId, `${data.firstName} ${data.lastName}`, data.kind);
    },
    GroupChartCreated: (_doc, event, id) => {
      const { data } = event as RecordedEvent & GroupChartCreated;
      return created(event, id, data.practiceId, data.name, 'group');
    },
    ClientProfileEdited: (doc, event) => {
      const { firstName, lastName } = (event as RecordedEvent & ClientProfileEdited).data;
      return doc === null ? null : withFacts(doc, doc.facts, event, { clientName: `${firstName} ${lastName}` });
    },
    ClientSetupCompleted: changeFacts(() => ({ setupComplete: true })),
    ChartContactAdded: changeFacts((facts, event) => {
      const { contactId, roles } = (event as RecordedEvent & ChartContactAdded).data;
      return { billingContactIds: setBilling(facts.billingContactIds, contactId, roles.billing) };
    }),
    ChartContactRolesChanged: changeFacts((facts, event) => {
      const { contactId, roles } = (event as RecordedEvent & ChartContactRolesChanged).data;
      return { billingContactIds: setBilling(facts.billingContactIds, contactId, roles.billing) };
    }),
    ChartContactRemoved: changeFacts((facts, event) => ({
      billingContactIds: setBilling(facts.billingContactIds, (event.data as { contactId: string }).contactId, false),
    })),
    IdentifiedPatientDesignated: changeFacts((_f, event) => ({ identifiedPatientId: (event.data as { clientId: string }).clientId })),
    GroupBillingContactDesignated: changeFacts((_f, event) => ({ billingMemberId: (event.data as { clientId: string }).clientId })),
    // A removed member is no longer the Identified Patient or the Billing Contact: the problem reopens.
    ChartMemberRemoved: changeFacts((facts, event) => {
      const { clientId } = event.data as { clientId: string };
      return {
        identifiedPatientId: facts.identifiedPatientId === clientId ? null : facts.identifiedPatientId,
        billingMemberId: facts.billingMemberId === clientId ? null : facts.billingMemberId,
      };
    }),
    ClientDeleted: () => null,
  },
});

