import { reportColumns, reportNames, reportPermissions } from '../reports/report-definitions';
import { agingBucketOf, revenueReportNames } from './revenue-definitions';

describe('the revenue reports', () => {
  it('are reports of the practice, each needing billing:read (money is billing data) besides reports:read', () => {
    for (const name of revenueReportNames) {
      expect(reportNames).toContain(name);
      expect(reportPermissions[name]).toContain('billing:read');
    }
    // Per clinician: the names of the members.
    expect(reportPermissions['revenue-by-clinician']).toContain('members:read');
    expect(reportColumns.outstanding).toEqual(['asOf', 'currency', 'practitionerId', 'practitionerName', 'days0to30', 'days31to60', 'days61to90', 'over90', 'outstanding', 'unappliedCredit', 'balance']);
  });

  it('age an unpaid charge part in buckets 0-30, 31-60, 61-90 and over 90 days', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(agingBucketOf)).toEqual(['days0to30', 'days0to30', 'days31to60', 'days31to60', 'days61to90', 'days61to90', 'over90', 'over90']);
  });
});
