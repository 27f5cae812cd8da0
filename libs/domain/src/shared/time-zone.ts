import { invalid } from './domain-error';

/**
 * Zone arithmetic with the runtime's own time zone database (Intl, ICU): no library, no clock. A local
 * wall-clock time is turned into an instant by reading the zone's offset at a first guess and again at
 * the corrected instant, which is exact on either side of a daylight-saving change.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterOf = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** Whether the runtime knows this IANA time zone name (`Europe/Paris`, `UTC`). */
export const isTimeZone = (value: string): boolean => {
  if (value.length === 0 || value.length > 64) return false;
  try {
    formatterOf(value);
    return true;
  } catch {
    return false;
  }
};

export const assertTimeZone = (value: string, field: string): string => {
  if (!isTimeZone(value)) throw invalid('InvalidValue', field, 'must be an IANA time zone name such as Europe/Paris');
  return value;
};

interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const localParts = (instantMs: number, timeZone: string): LocalParts => {
  const parts = Object.fromEntries(formatterOf(timeZone).formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, second: +parts.second };
};

/** The zone's offset from UTC at an instant, in milliseconds (Paris in summer: +2 h). */
const offsetMs = (instantMs: number, timeZone: string): number => {
  const p = localParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const localDateOf = (instant: string, timeZone: string): string => {
  const p = localParts(Date.parse(instant), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
};

/** The day after (or `days` after) a calendar date. */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** The instant (ISO, UTC) of a wall-clock time on a date in a time zone. */
export const instantOfLocal = (date: string, hour: number, minute: number, timeZone: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return new Date(second).toISOString();
};

/**
 * The first `hour`:00 in a time zone strictly after an instant, and its local date: today's if it is
 * still to come, else tomorrow's (each computed on the calendar, so a 23- or 25-hour day is right).
 */
export const nextLocalTime = (after: string, hour: number, timeZone: string): { readonly at: string; readonly localDate: string } => {
  const today = localDateOf(after, timeZone);
  const todayAt = instantOfLocal(today, hour, 0, timeZone);
  if (Date.parse(todayAt) > Date.parse(after)) return { at: todayAt, localDate: today };
  const tomorrow = addDays(today, 1);
  return { at: instantOfLocal(tomorrow, hour, 0, timeZone), localDate: tomorrow };
};
