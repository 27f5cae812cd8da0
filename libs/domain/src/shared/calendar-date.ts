import { invalid } from './domain-error';

/** A calendar date (YYYY-MM-DD) from 1900 on; 422 `InvalidDate` naming `field` otherwise. */
export const assertCalendarDate = (value: string, field: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || Number(match[1]) < 1900) {
    throw invalid('InvalidDate', field, 'must be a calendar date (YYYY-MM-DD) after 1900');
  }
  return value;
};
