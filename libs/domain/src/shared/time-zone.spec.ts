import { addDays, instantOfLocal, isTimeZone, localDateOf, nextLocalTime } from './time-zone';

describe('Zone arithmetic (Intl)', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('turns a wall-clock time into an instant on either side of a daylight-saving change', () => {
    expect(instantOfLocal('2026-03-28', 7, 0, 'Europe/Paris')).toBe('2026-03-28T06:00:00.000Z'); // CET, UTC+1
    expect(instantOfLocal('2026-03-29', 7, 0, 'Europe/Paris')).toBe('2026-03-29T05:00:00.000Z'); // CEST from 02:00 that night
    expect(instantOfLocal('2026-11-01', 7, 0, 'America/New_York')).toBe('2026-11-01T12:00:00.000Z'); // EST from 02:00 that night
    expect(instantOfLocal('2026-10-31', 7, 0, 'America/New_York')).toBe('2026-10-31T11:00:00.000Z'); // EDT
    expect(instantOfLocal('2026-06-01', 7, 0, 'UTC')).toBe('2026-06-01T07:00:00.000Z');
  });

  it('reads the local date of an instant', () => {
    expect(localDateOf('2026-03-01T23:30:00.000Z', 'Europe/Paris')).toBe('2026-03-02');
    expect(localDateOf('2026-03-01T03:30:00.000Z', 'America/Los_Angeles')).toBe('2026-02-28');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('finds the next 07:00: today when it is still to come, else tomorrow; a 23-hour day is 23 hours', () => {
    expect(nextLocalTime('2026-03-28T05:59:00.000Z', 7, 'Europe/Paris')).toEqual({ at: '2026-03-28T06:00:00.000Z', localDate: '2026-03-28' });
    const fired = nextLocalTime('2026-03-28T06:00:00.000Z', 7, 'Europe/Paris');
    expect(fired).toEqual({ at: '2026-03-29T05:00:00.000Z', localDate: '2026-03-29' });
    expect(Date.parse(fired.at) - Date.parse('2026-03-28T06:00:00.000Z')).toBe(23 * 3_600_000);
  });
});
