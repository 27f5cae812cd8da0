import { invalid } from './domain-error';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The UTC midnight (ms) of a calendar date (YYYY-MM-DD) in the years 1900 to 9999, or null when the
 * value is not one (a month 13, a 30 February, a year before 1900).
 */
export const calendarDateMs = (value: string): number | null => {
  const match = CALENDAR_DATE.exec(value);
  if (!match || Number(match[1]) < 1900) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value ? time : null;
};

/** A calendar date (YYYY-MM-DD) from 1900 on; 422 `InvalidDate` naming `field` otherwise. */
export const assertCalendarDate = (value: string, field: string): string => {
  if (calendarDateMs(value) === null) throw invalid('InvalidDate', field, 'must be a calendar date (YYYY-MM-DD) after 1900');
  return value;
};
