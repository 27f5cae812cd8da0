import { daysBetween, granularities, type Granularity, type ReportParameters } from '@practice/read-models';
import { calendarDateMs } from '@practice/domain';
import { problem, ProblemException, type FieldError } from '../http/problem';
import type { ReportQueryDto } from './report.query.dto';

// From 1900 (as every date of the API) to 9998: the period after the last one still has a four-digit
// year (a period of 10000 is no YYYY-MM-DD, and the report's periods would never reach `to`).
const FIRST_YEAR = 1900;
const LAST_YEAR = 9998;
const isCalendarDate = (value: string): boolean => calendarDateMs(value) !== null && Number(value.slice(0, 4)) <= LAST_YEAR;

/** Longest ranges: a year of days, three years of weeks or months. */
const MAX_DAYS: Readonly<Record<Granularity, number>> = { day: 366, week: 3 * 366, month: 3 * 366 };

/** The report parameters, or 422 InvalidReportParameter naming each bad one. */
export const parseReportParameters = (query: ReportQueryDto): ReportParameters => {
  const errors: FieldError[] = [];
  const bad = (field: string, message: string) => errors.push({ field, message, in: 'query' });
  const granularity = (query.granularity ?? 'month') as Granularity;
  if (!granularities.includes(granularity)) bad('granularity', `must be one of ${granularities.join(', ')}`);
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value === undefined) bad(field, 'is required (YYYY-MM-DD)');
    else if (!isCalendarDate(value)) bad(field, `must be a calendar date (YYYY-MM-DD) in the years ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  if (errors.length === 0) {
    const days = daysBetween(query.from!, query.to!);
    if (days < 0) bad('to', 'must not be before from');
    else if (days >= MAX_DAYS[granularity]) bad('to', `must be less than ${MAX_DAYS[granularity]} days after from with granularity ${granularity}`);
  }
  if (errors.length > 0) throw new ProblemException(problem('InvalidReportParameter', 'A report parameter is missing or not valid', { errors }));
  return { from: query.from!, to: query.to!, granularity };
};
