import { ProblemException } from '../http/problem';
import { parseReportParameters } from './report-parameters';
import type { ReportQueryDto } from './report.query.dto';

const refusal = (query: Partial<ReportQueryDto>) => {
  try {
    parseReportParameters(query as ReportQueryDto);
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
  return undefined;
};

describe('parseReportParameters', () => {
  it('takes calendar dates of the years 1900 to 9998', () => {
    expect(parseReportParameters({ from: '1900-01-01', to: '1900-12-31' } as ReportQueryDto)).toEqual({ from: '1900-01-01', to: '1900-12-31', granularity: 'month' });
    expect(refusal({ from: '9998-12-01', to: '9998-12-31', granularity: 'week' })).toBeUndefined();
  });

  it.each([
    ['0000-01-01', '0000-12-31', 'month'],
    ['1899-12-01', '1899-12-31', 'day'],
    ['9999-12-01', '9999-12-31', 'month'],
    ['9999-12-31', '9999-12-31', 'week'],
  ])('refuses %s to %s by %s (a 500, or a period loop that never ended) with 422 naming the parameter', (from, to, granularity) => {
    const problem = refusal({ from, to, granularity: granularity as ReportQueryDto['granularity'] });
    expect(problem).toMatchObject({ status: 422, code: 'InvalidReportParameter' });
    expect(problem?.errors?.map((e) => e.parameter)).toEqual(['from', 'to']);
  });
});
