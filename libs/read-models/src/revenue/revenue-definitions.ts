/** The revenue reports (read from the `revenue` collection); their columns and permissions are in report-definitions. */
export const revenueReportNames = ['revenue', 'revenue-by-clinician', 'outstanding'] as const;
export type RevenueReportName = (typeof revenueReportNames)[number];

export const isRevenueReportName = (name: string): name is RevenueReportName => (revenueReportNames as readonly string[]).includes(name);

/** `practitionerName` of the revenue-by-clinician row of what was not applied to a charge (the clients' credit). */
export const UNAPPLIED_CREDIT = '(unapplied credit)';
/** `practitionerName` of the outstanding report's row of the whole practice. */
export const ALL_CLINICIANS = '(all clinicians)';

export const agingBuckets = ['days0to30', 'days31to60', 'days61to90', 'over90'] as const;
/** The aging bucket of an unpaid charge part `days` old (from the charge's day to the day asked about). */
export const agingBucketOf = (days: number): (typeof agingBuckets)[number] =>
  days <= 30 ? 'days0to30' : days <= 60 ? 'days31to60' : days <= 90 ? 'days61to90' : 'over90';
