import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@practice/event-store';
import { emptyClientOverview, eventCodec, type NewEvent } from '@practice/events';
import { clientCreated, newDataDir } from './bench-support';

export interface SeededReportPractice {
  readonly dataDir: string;
  readonly practiceId: string;
  readonly clients: number;
  readonly appointments: number;
  readonly events: number;
  readonly seedSeconds: number;
}

export const REPORT_YEAR = { from: '2025-01-01', to: '2025-12-31' } as const;
const DAYS = 365;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const YEAR_START = Date.parse('2025-01-01T00:00:00.000Z');
const PRACTITIONERS = 20;
const TAGS = 10;

/** An id of the `n`th thing of a kind, shaped like a UUID (1,000,000 appointment ids need no table). */
const idOf = (kind: number, n: number): string => `0000000${kind}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Days as arrays of indexes: which appointments are booked, and which take place, on each day. */
const byDay = (count: number, dayOf: (n: number) => number): Int32Array[] => {
  const sizes = new Int32Array(DAYS);
  for (let n = 0; n < count; n += 1) sizes[dayOf(n)] += 1;
  const days = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(DAYS);
  for (let n = 0; n < count; n += 1) {
    const day = dayOf(n);
    days[day][filled[day]++] = n;
  }
  return days;
};

/**
 * One practice (time zone New York) with `clients` clients created evenly over 2025 and `appointments`
 * appointments among them, appended straight to the SQLite event log of a fresh DATA_DIR in the order
 * they happen, day by day (so the log interleaves the charts as a real one does): each appointment is
 * booked up to two weeks before it starts, with one of 20 practitioners; a third are completed, a tenth
 * of the others cancelled. One client in ten has a gender identity and pronouns recorded, one in five a
 * date of birth, one in four a tag. Every event is valid against the registry's schema.
 */
export const seedReportPractice = async (clients: number, appointments: number): Promise<SeededReportPractice> => {
  const started = process.hrtime.bigint();
  const dataDir = newDataDir();
  const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite'), codec: eventCodec, maxGroupSize: 10_000 });
  const practiceId = randomUUID();
  const practitioners = Array.from({ length: PRACTITIONERS }, () => randomUUID());
  const tags = Array.from({ length: TAGS }, () => randomUUID());
  const actorUserId = practitioners[0];
  const at = (ms: number) => new Date(ms).toISOString();
  const createdDay = (c: number) => Math.floor((c * DAYS) / clients);
  const chartOf = (a: number) => idOf(1, a % clients);
  const startDay = (a: number) => {
    const from = createdDay(a % clients);
    return Math.min(DAYS - 1, from + 1 + ((a * 7919) % (DAYS - from)));
  };
  const bookedDay = (a: number) => Math.max(createdDay(a % clients), startDay(a) - 1 - (a % 14));
  const booked = byDay(appointments, bookedDay);
  const taking = byDay(appointments, startDay);

  let events = 0;
  let pending: Promise<unknown>[] = [];
  const append = async (streamId: string, batch: NewEvent[]) => {
    events += batch.length;
    pending.push(store.appendToStream(streamId, batch, { expectedRevision: 'any' }));
    if (pending.length >= 10_000) {
      await Promise.all(pending);
      pending = [];
    }
  };
  // Event ids in log order (as time-ordered ids are): each lands at the end of the log's event-id index.
  let eventNumber = 0;
  const event = (type: string, data: object, ms: number, command: string): NewEvent => {
    const eventId = idOf(3, (eventNumber += 1));
    return { type, data, metadata: { eventId, schemaVersion: 1, occurredAt: at(ms), actorUserId, practiceId, correlationId: eventId, causationId: null, commandType: command } } as NewEvent;
  };

  await append(`practice-${practiceId}`, [
    event('PracticeCreated', { practiceId, name: 'Report bench practice', createdBy: practitioners[0] }, YEAR_START - DAY_MS, 'CreatePractice'),
    event('PracticeSettingsChanged', { practiceId, settings: { requestClientLegalSexDesignation: true, timeZone: 'America/New_York' } }, YEAR_START - DAY_MS + 1000, 'ChangePracticeSettings'),
  ]);
  let nextClient = 0;
  for (let day = 0; day < DAYS; day += 1) {
    const dayStart = YEAR_START + day * DAY_MS;
    for (; nextClient < clients && createdDay(nextClient) === day; nextClient += 1) {
      const c = nextClient;
      const chartId = idOf(1, c);
      const ms = dayStart + 13 * HOUR_MS + (c % 3600) * 1000;
      const created = clientCreated(chartId, practiceId, c, at(ms));
      const chart = [event(created.type, created.data as object, ms, 'CreateClient')];
      if (c % 10 === 0) chart.push(event('ClientIdentityEdited', { chartId, genderIdentity: c % 20 === 0 ? 'woman' : 'man', pronouns: c % 20 === 0 ? 'she/her' : 'he/him', legalSex: null }, ms + 1000, 'EditClientIdentity'));
      if (c % 5 === 0) chart.push(event('ClientOverviewEdited', { chartId, ...emptyClientOverview, dateOfBirth: `${1950 + (c % 60)}-0${1 + (c % 9)}-15` }, ms + 2000, 'EditClientOverview'));
      if (c % 4 === 0) chart.push(event('ClientTagged', { chartId, tagId: tags[c % TAGS] }, ms + 3000, 'TagClient'));
      await append(`chart-${chartId}`, chart);
    }
    for (const a of booked[day]) {
      const start = YEAR_START + startDay(a) * DAY_MS + (14 + (a % 8)) * HOUR_MS;
      const data = { chartId: chartOf(a), appointmentId: idOf(2, a), start: at(start), durationMinutes: 50, practitionerId: practitioners[a % PRACTITIONERS] };
      await append(`chart-${chartOf(a)}`, [event('AppointmentBooked', data, dayStart + 12 * HOUR_MS + (a % 3600) * 1000, 'BookAppointment')]);
    }
    for (const a of taking[day]) {
      const start = YEAR_START + day * DAY_MS + (14 + (a % 8)) * HOUR_MS;
      const data = { chartId: chartOf(a), appointmentId: idOf(2, a) };
      if (a % 3 === 0) await append(`chart-${chartOf(a)}`, [event('AppointmentCompleted', data, start + HOUR_MS, 'CompleteAppointment')]);
      else if (a % 10 === 1) await append(`chart-${chartOf(a)}`, [event('AppointmentCancelled', data, start - HOUR_MS, 'CancelAppointment')]);
    }
  }
  await Promise.all(pending);
  await store.close();
  return { dataDir, practiceId, clients, appointments, events, seedSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
};
