import { invalid } from './domain-error';

/**
 * An instant given as an ISO-8601 date-time, kept in UTC (`toISOString`): from the year 1900 to 9999
 * in UTC, so that it has a four-digit year wherever it is shown (a report's local date, an export, a
 * message); 422 `InvalidDateTime` naming `field` otherwise.
 */
export const utcDateTime = (value: string, field: string): string => {
  const ms = Date.parse(value);
  const year = Number.isNaN(ms) ? Number.NaN : new Date(ms).getUTCFullYear();
  if (!(year >= 1900 && year <= 9999)) throw invalid('InvalidDateTime', field, 'must be an ISO-8601 date-time in the years 1900 to 9999');
  return new Date(ms).toISOString();
};
