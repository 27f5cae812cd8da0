import type { ReadDocument } from '@practice/read-store';
import type { LegalSex } from '@practice/events';
import type { NeedsAttentionReason } from '../needs-attention/needs-attention.projection';
import type { Granularity } from './periods';

export type AppointmentReportStatus = 'booked' | 'completed' | 'cancelled' | 'late-cancelled' | 'no-show';

/** `_id` `practice|<practiceId>`: what the report projection needs to know of a practice. */
export interface ReportPracticeDocument extends ReadDocument {
  /** The kind of document in the `reports` collection. */
  readonly kind: 'practice';
  readonly practiceId: string;
  /** The IANA time zone periods are cut in (the practice setting `timeZone`, `UTC` when not set). */
  readonly timeZone: string;
}

/**
 * `_id` `chart|<chartId>`: the facts of one chart that the reports count (no names, no contact data):
 * the report projection compares them before and after each event and adds the difference to the
 * period documents.
 */
export interface ReportChartDocument extends ReadDocument {
  /** The kind of document in the `reports` collection. */
  readonly kind: 'chart';
  readonly practiceId: string;
  /** `individual` and `minor` charts are clients; `group` charts (couple, family, conjoint) are not counted as clients. */
  readonly chartKind: 'individual' | 'minor' | 'group';
  /** When the chart was created (event time). */
  readonly createdAt: string;
  /** False once deactivated (Inactive). */
  readonly active: boolean;
  /** The portal invitation: `invited` makes an active client Pending. */
  readonly invitation: 'none' | 'invited' | 'accepted';
  /** Tag ids assigned to the chart. */
  readonly tagIds: readonly string[];
  /** Year and month of birth (YYYY-MM), for age bands; null when no date of birth is recorded. */
  readonly birthMonth: string | null;
  /** Gender identity as recorded (free text), null when not recorded. */
  readonly genderIdentity: string | null;
  /** Pronouns as recorded, null when not recorded. */
  readonly pronouns: string | null;
  /** Legal sex as recorded, null when not recorded. */
  readonly legalSex: LegalSex | null;
  /** The chart's appointments by appointment id: practitioner, start and status. */
  readonly appointments: { readonly [appointmentId: string]: { readonly practitionerId: string; readonly start: string; readonly status: AppointmentReportStatus } };
  /** The chart's open Needs Attention problems and when each came up (as the needs_attention read model has them). */
  readonly problems: readonly { readonly reason: NeedsAttentionReason; readonly since: string }[];
  /** What the problems are computed from (the needs_attention read model's facts). */
  readonly needsAttentionFacts: {
    readonly kind: 'individual' | 'minor' | 'group';
    readonly setupComplete: boolean;
    readonly billingContactIds: readonly string[];
    readonly identifiedPatientId: string | null;
    readonly billingMemberId: string | null;
  };
}

/**
 * `_id` `period|<practiceId>|<granularity>|<periodStart>`: the counts of one practice in one period (a day,
 * a week from Monday or a calendar month in the practice's time zone). Counters are keyed `<measure>:<value>`.
 */
export interface ReportPeriodDocument extends ReadDocument {
  /** The kind of document in the `reports` collection. */
  readonly kind: 'period';
  readonly practiceId: string;
  readonly granularity: Granularity;
  /** The first day of the period (YYYY-MM-DD, in the practice's time zone). */
  readonly period: string;
  /**
   * Changes of standing counts that happened in the period (a report sums them up to a period's end):
   * `status:<Active|Pending|Inactive>`, `caseload:<practitionerId>`, `gender:<value>`, `pronouns:<value>`,
   * `legalSex:<recorded|not recorded>`, `birth:<YYYY-MM|unknown>`, `tag:<tagId>`.
   */
  readonly stock: { readonly [key: string]: number };
  /**
   * Counts of things dated in the period: `newClients` (by creation), `appointment:<practitionerId>:<status>`
   * (by appointment start), `needsAttention:<reason>` (open problems, by the day they came up).
   */
  readonly flow: { readonly [key: string]: number };
}

/** The `reports` collection: practices, chart facts and period counts, told apart by `kind`. */
export type ReportDocument = ReportPracticeDocument | ReportChartDocument | ReportPeriodDocument;
