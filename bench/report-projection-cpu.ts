/**
 * The report projection alone, for a before/after comparison of its speed: the same generated events
 * (C clients [10000], A appointments [100000] as the report bench generated them before it read from the
 * log) applied in batches of 1,000 to the in-memory store; prints wall and CPU seconds. Copy it into a
 * checkout of another commit and run it there too, one after the other:
 *   C=10000 A=100000 npm exec -c "node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/report-projection-cpu.ts"
 */
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch, REPORTS, reportProjection } from '@practice/read-models';
const clients = Number(process.env.C ?? 10000), appointments = Number(process.env.A ?? 100000);
const DAY = 86_400_000, START = Date.parse('2025-01-01T12:00:00.000Z');
const main = async () => {
  const store = new InMemoryReadStore();
  const collection = store.collection(REPORTS);
  await collection.ensureIndexes(reportProjection.indexes);
  const practiceId = randomUUID();
  const practitioners = Array.from({ length: 20 }, () => randomUUID());
  let position = 0;
  const all: RecordedEvent[] = [];
  const event = (type: string, data: object, at: number) => { position += 1; all.push({ type, data, streamId: 'bench', revision: 0, position, metadata: { eventId: String(position), schemaVersion: 1, occurredAt: new Date(at).toISOString(), actorUserId: 'u', practiceId, correlationId: 'c', causationId: null, commandType: 'Bench' } } as RecordedEvent); };
  event('PracticeSettingsChanged', { practiceId, settings: { requestClientLegalSexDesignation: true, timeZone: 'America/New_York' } }, START - DAY);
  const chartIds = Array.from({ length: clients }, () => randomUUID());
  for (let i = 0; i < clients; i += 1) event('ClientCreated', { chartId: chartIds[i], practiceId, kind: 'individual', firstName: 'A', lastName: 'B', email: null }, START + Math.floor((i / clients) * 365) * DAY);
  for (let a = 0; a < appointments; a += 1) {
    const chartId = chartIds[a % clients], appointmentId = randomUUID(), start = START + (a % 365) * DAY;
    event('AppointmentBooked', { chartId, appointmentId, start: new Date(start).toISOString(), durationMinutes: 50, practitionerId: practitioners[a % 20] }, start - DAY);
    if (a % 3 === 0) event('AppointmentCompleted', { chartId, appointmentId }, start + 3_600_000);
    else if (a % 10 === 1) event('AppointmentCancelled', { chartId, appointmentId }, start - 3_600_000);
  }
  const cpu0 = process.cpuUsage(); const t0 = process.hrtime.bigint();
  for (let i = 0; i < all.length; i += 1000) await applyBatch(reportProjection, collection, all.slice(i, i + 1000));
  const wall = Number(process.hrtime.bigint() - t0) / 1e9; const c = process.cpuUsage(cpu0); const cpu = (c.user + c.system) / 1e6;
  console.log(`${process.cwd().split('/').pop()}: ${all.length} events, wall ${wall.toFixed(1)} s (${Math.round(all.length / wall)} events/s), CPU ${cpu.toFixed(1)} s (${Math.round(all.length / cpu)} events/s of CPU)`);
};
main();
