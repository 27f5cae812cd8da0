import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch, readReport, reportNames, REPORTS, reportProjection, type ReportName } from '@practice/read-models';

export interface ReportReadResult {
  readonly clients: number;
  readonly appointments: number;
  readonly projectSeconds: number;
  /** The slowest of the reports over a year, by month and by day: the time a report answer takes. */
  readonly slowest: { readonly report: ReportName; readonly granularity: string; readonly ms: number };
}

const DAY = 86_400_000;
const START = Date.parse('2025-01-01T12:00:00.000Z');

/**
 * One practice with `clients` clients created over a year and `appointments` appointments among them
 * (booked; a third completed, a tenth cancelled), projected by the report projection into the in-memory
 * store; then every report is read over that year by month and by day, and the slowest read is timed.
 */
export const benchReportRead = async (clients: number, appointments: number): Promise<ReportReadResult> => {
  const store = new InMemoryReadStore();
  const collection = store.collection(REPORTS);
  await collection.ensureIndexes(reportProjection.indexes);
  const practiceId = randomUUID();
  const practitioners = Array.from({ length: 20 }, () => randomUUID());
  let position = 0;
  const event = (type: string, data: object, at: number): RecordedEvent => {
    position += 1;
    return {
      type,
      data,
      streamId: 'bench',
      revision: 0,
      position,
      metadata: { eventId: String(position), schemaVersion: 1, occurredAt: new Date(at).toISOString(), actorUserId: 'u', practiceId, correlationId: 'c', causationId: null, commandType: 'Bench' },
    } as RecordedEvent;
  };
  const chartIds = Array.from({ length: clients }, () => randomUUID());
  const started = process.hrtime.bigint();
  let batch: RecordedEvent[] = [];
  const flush = async () => {
    await applyBatch(reportProjection, collection, batch);
    batch = [];
  };
  for (let i = 0; i < clients; i += 1) {
    batch.push(event('ClientCreated', { chartId: chartIds[i], practiceId, kind: 'individual', firstName: 'A', lastName: 'B', email: null }, START + Math.floor((i / clients) * 365) * DAY));
    if (batch.length >= 1000) await flush();
  }
  for (let a = 0; a < appointments; a += 1) {
    const chartId = chartIds[a % clients];
    const appointmentId = randomUUID();
    const start = START + (a % 365) * DAY;
    batch.push(event('AppointmentBooked', { chartId, appointmentId, start: new Date(start).toISOString(), durationMinutes: 50, practitionerId: practitioners[a % 20] }, start - DAY));
    if (a % 3 === 0) batch.push(event('AppointmentCompleted', { chartId, appointmentId }, start + 3_600_000));
    else if (a % 10 === 1) batch.push(event('AppointmentCancelled', { chartId, appointmentId }, start - 3_600_000));
    if (batch.length >= 1000) await flush();
  }
  await flush();
  const projectSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  let slowest: ReportReadResult['slowest'] = { report: 'new-clients', granularity: 'month', ms: 0 };
  for (const report of reportNames) {
    for (const [granularity, to] of [['month', '2025-12-31'], ['day', '2025-12-31']] as const) {
      const t0 = process.hrtime.bigint();
      await readReport(store, practiceId, report, { from: '2025-01-01', to, granularity });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (ms > slowest.ms) slowest = { report, granularity, ms };
    }
  }
  await store.close();
  return { clients, appointments, projectSeconds, slowest };
};
