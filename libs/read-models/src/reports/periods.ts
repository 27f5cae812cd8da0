/** The periods reports are kept by: a day, a week (Monday to Sunday) or a calendar month. */
export const granularities = ['day', 'week', 'month'] as const;
export type Granularity = (typeof granularities)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

const HOUR_MS = 3_600_000;
// Per time zone, the date of each UTC hour that falls on one local date from its start to its end.
const hourDates = new Map<string, Map<number, string | null>>();

/**
 * The calendar date (YYYY-MM-DD) an instant falls on in a time zone (IANA name; UTC when unknown).
 * Remembered per UTC hour when the hour's first and last millisecond fall on the same local date (an
 * hour that crosses local midnight, or a zone change at midnight, is formatted instant by instant).
 */
export const localDate = (instant: string, timeZone: string): string => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return formatDate(instant, timeZone);
  const hour = Math.floor(ms / HOUR_MS);
  let dates = hourDates.get(timeZone);
  if (dates === undefined || dates.size > 100_000) {
    dates = new Map();
    hourDates.set(timeZone, dates);
  }
  let date = dates.get(hour);
  if (date === undefined) {
    const first = formatDate(new Date(hour * HOUR_MS).toISOString(), timeZone);
    date = first === formatDate(new Date(hour * HOUR_MS + HOUR_MS - 1).toISOString(), timeZone) ? first : null;
    dates.set(hour, date);
  }
  return date ?? formatDate(instant, timeZone);
};

const formatDate = (instant: string, timeZone: string): string => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(instant));
};

const DAY_MS = 86_400_000;
const utcDay = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The first day of the period of a calendar date: itself, the Monday of its week, the 1st of its month. */
const weekStarts = new Map<string, string>();

export const periodStart = (date: string, granularity: Granularity): string => {
  switch (granularity) {
    case 'day':
      return date;
    case 'week': {
      let start = weekStarts.get(date);
      if (start === undefined) {
        const ms = utcDay(date);
        const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
        start = dateOf(ms - sinceMonday * DAY_MS);
        if (weekStarts.size > 100_000) weekStarts.clear();
        weekStarts.set(date, start);
      }
      return start;
    }
    case 'month':
      return `${date.slice(0, 7)}-01`;
    default: {
      const never: never = granularity;
      return never;
    }
  }
};

/** The first day of the next period. */
export const nextPeriod = (start: string, granularity: Granularity): string => {
  switch (granularity) {
    case 'day':
      return dateOf(utcDay(start) + DAY_MS);
    case 'week':
      return dateOf(utcDay(start) + 7 * DAY_MS);
    case 'month': {
      const [year, month] = start.split('-').map(Number);
      return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    }
    default: {
      const never: never = granularity;
      return never;
    }
  }
};

/** Every period start from the period of `from` to the period of `to` (calendar dates, both included). */
export const periodsBetween = (from: string, to: string, granularity: Granularity): string[] => {
  const periods: string[] = [];
  for (let start = periodStart(from, granularity); start <= to; start = nextPeriod(start, granularity)) periods.push(start);
  return periods;
};

/** Whole days from one calendar date to another. */
export const daysBetween = (from: string, to: string): number => Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
