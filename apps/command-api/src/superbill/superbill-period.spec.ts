import { ProblemException } from '../http/problem';
import { periodOf } from './superbill-period';

const refusal = (from: string, to: string) => {
  try {
    periodOf({ from, to });
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem;
  }
  throw new Error('accepted');
};

describe('the period of a superbill', () => {
  it('takes calendar dates, both ends included, up to 366 days', () => {
    expect(periodOf({ from: '2026-01-01', to: '2026-01-01' })).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(periodOf({ from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('refuses with 422 InvalidPeriod naming the parameter', () => {
    expect(refusal('2026-02-30', '2026-03-01')).toMatchObject({ status: 422, code: 'InvalidPeriod', errors: [{ parameter: 'from', field: 'from' }] });
    expect(refusal('2026-01-01', '01/02/2026')).toMatchObject({ status: 422, code: 'InvalidPeriod', errors: [{ parameter: 'to' }] });
    expect(refusal('2026-03-01', '2026-02-28')).toMatchObject({ code: 'InvalidPeriod', errors: [{ parameter: 'to', message: 'must not be before from' }] });
    expect(refusal('2024-01-01', '2025-01-01')).toMatchObject({ code: 'InvalidPeriod', errors: [{ parameter: 'to' }] });
    expect(refusal('2026-13-01', '2026-12-31')).toMatchObject({ code: 'InvalidPeriod', errors: [{ parameter: 'from' }] });
  });

  it('takes dates from 1900 on, as every date of the API', () => {
    expect(periodOf({ from: '1900-01-01', to: '1900-12-31' })).toEqual({ from: '1900-01-01', to: '1900-12-31' });
    expect(refusal('1899-12-31', '1900-01-01')).toMatchObject({ code: 'InvalidPeriod', errors: [{ parameter: 'from', message: 'must be a calendar date (YYYY-MM-DD) from 1900' }] });
  });
});
