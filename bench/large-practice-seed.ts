import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SqliteEventStore } from '@practice/event-store';
import { eventCodec, type NewEvent, type RecordedEvent } from '@practice/events';
import { loadConfig } from '../apps/command-api/src/config';
import { createRuntime } from '../apps/command-api/src/bootstrap/runtime';
import { createApp } from '../apps/command-api/src/bootstrap/create-app';
import { call } from './load';

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Margaret', 'Ken', 'Radia', 'Tim', 'Sophie', 'Niklaus', 'Hedy', 'Dennis', 'Karen', 'Leslie', 'Shafi', 'Whitfield', 'Mary', 'Robin', 'Jean', 'Carl', 'Anita', 'Guido', 'Lynn', 'Vint', 'Ivan', 'Fran', 'Peter', 'Judea'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Hamilton', 'Thompson', 'Perlman', 'Berners', 'Wilson', 'Wirth', 'Lamarr', 'Ritchie', 'Jones', 'Lamport', 'Goldwasser', 'Diffie', 'Shaw', 'Milner', 'Sammet', 'Hewitt', 'Borg', 'Rossum', 'Conway', 'Cerf', 'Sutherland', 'Elkins', 'Naur', 'Pearl', 'Kay', 'Floyd', 'Hoare', 'Iverson', 'Kahn', 'Moore', 'Rivest', 'Shamir', 'Adleman', 'Hellman', 'Codd', 'Gray', 'Stonebraker', 'Bachman', 'Engelbart', 'Minsky', 'McCarthy', 'Simon', 'Newell', 'Feigenbaum', 'Reddy', 'Yao', 'Valiant', 'Karp', 'Cook', 'Rabin', 'Scott', 'Blum', 'Hartmanis', 'Stearns', 'Tarjan', 'Hopcroft'];

/** A slot of the template: its placeholder first and last name (k < 10, so no placeholder prefixes another). */
const first = (k: number) => `Qfirst${k}`;
const last = (k: number) => `Qlast${k}`;

export interface SeededPractice {
  readonly dataDir: string;
  readonly practiceId: string;
  readonly email: string;
  readonly password: string;
  readonly tagIds: readonly string[];
  readonly clients: number;
  readonly events: number;
  readonly lastPosition: number;
  readonly seedSeconds: number;
}

/**
 * One set of charts made through the API, so every event is exactly what the service writes: six
 * individuals with an email (tagged, some with setup complete), a minor with a new contact (the
 * billing one) and a couple whose two members are new clients. 10 client-list rows.
 */
const makeTemplate = async (dataDir: string, email: string, password: string) => {
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
  const runtime = await createRuntime(config, () => undefined);
  const app = await createApp(runtime, { logDestination: pino.destination({ dest: '/dev/null', sync: false }) });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  try {
    await call(port, 'POST', '/auth/sign-up', { email, password, firstName: 'Large', lastName: 'Practice' });
    const { accessToken } = JSON.parse((await call(port, 'POST', '/auth/sign-in', { email, password })).body);
    const auth = { authorization: `Bearer ${accessToken}` };
    const p = `/practices/${JSON.parse((await call(port, 'POST', '/practices', { name: 'Large practice' }, auth)).body).practiceId}`;
    const practiceId = p.split('/')[2];
    const tagIds: string[] = [];
    for (const name of ['Anxiety', 'Telehealth', 'Sliding scale']) tagIds.push(JSON.parse((await call(port, 'POST', `${p}/tags`, { name }, auth)).body).tagId);
    const before = await runtime.eventStore.headPosition();
    for (let k = 0; k < 6; k += 1) {
      const created = await call(port, 'POST', `${p}/clients`, { firstName: first(k), lastName: last(k), email: `${first(k)}.${last(k)}@bench.example`.toLowerCase() }, auth);
      const clientId = JSON.parse(created.body).clientId;
      await call(port, 'POST', `${p}/clients/${clientId}/tags`, { tagId: tagIds[k % tagIds.length] }, auth);
      if (k % 2 === 0) await call(port, 'POST', `${p}/clients/${clientId}/setup/complete`, undefined, auth);
    }
    const minor = { firstName: first(6), lastName: last(6), portalAccess: 'guardian', contacts: [{ new: { firstName: first(7), lastName: last(6) }, relationship: 'mother', billing: true, receivesReminders: true, signsDocuments: true }] };
    if ((await call(port, 'POST', `${p}/clients/minors`, minor, auth)).status !== 201) throw new Error('bench template: the minor was refused');
    const couple = { kind: 'couple', name: `${last(8)} ${last(9)}`, members: [{ new: { firstName: first(8), lastName: last(8) }, identifiedPatient: true, billingContact: true }, { new: { firstName: first(9), lastName: last(9) } }] };
    if ((await call(port, 'POST', `${p}/group-charts`, couple, auth)).status !== 201) throw new Error('bench template: the couple was refused');
    const events = (await runtime.eventStore.readAll({ after: before })).filter((event) => /^(chart|contact)-/.test(event.streamId));
    return { practiceId, tagIds, events };
  } finally {
    await app.close();
    await runtime.close();
  }
};

/** Runs of consecutive events of one stream, in log order, with the revision each run expects. */
const runsOf = (events: readonly RecordedEvent[]) => {
  const runs: { streamId: string; expected: number | 'no_stream'; events: RecordedEvent[] }[] = [];
  for (const event of events) {
    const lastRun = runs[runs.length - 1];
    if (lastRun && lastRun.streamId === event.streamId) lastRun.events.push(event);
    else runs.push({ streamId: event.streamId, expected: event.revision === 0 ? 'no_stream' : event.revision - 1, events: [event] });
  }
  return runs;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * A practice of `clients` clients (individuals, minors with a contact, couples: the template above
 * copied with new ids and names) appended straight to the event log of a fresh DATA_DIR, then padded
 * with legal-name events on the individuals until the log holds `events` events.
 */
export const seedLargePractice = async (dataDir: string, clients: number, events: number): Promise<SeededPractice> => {
  const started = process.hrtime.bigint();
  const email = `large-${Date.now()}@bench.example`;
  const password = 'a long bench password';
  const template = await makeTemplate(dataDir, email, password);
  const streamIds = new Set(template.events.map((event) => event.streamId.replace(/^[a-z]+-/, '')));
  const runs = runsOf(template.events);
  const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite'), codec: eventCodec });
  const sets = Math.ceil(clients / 10);
  const metadata = template.events[0].metadata;
  let written = 0;
  let pending: Promise<unknown>[] = [];
  const individuals: { chartId: string; firstName: string; lastName: string }[] = [];
  const drain = async (force: boolean) => {
    if (pending.length < 500 && !force) return;
    await Promise.all(pending);
    pending = [];
  };
  for (let s = 0; s < sets; s += 1) {
    const ids = new Map([...streamIds].map((id) => [id, randomUUID()]));
    const names = Array.from({ length: 10 }, (_, k) => [FIRST[(s * 7 + k * 3) % FIRST.length], LAST[(s * 13 + k * 5 + Math.floor(s / 97)) % LAST.length]]);
    const rename = (text: string) =>
      text
        .replace(UUID, (id) => ids.get(id) ?? id)
        .replace(/Qfirst(\d)/g, (_, k) => names[Number(k)][0])
        .replace(/Qlast(\d)/g, (_, k) => names[Number(k)][1])
        .replace(/qfirst(\d)\.qlast(\d)@bench/g, (_, a, b) => `${names[Number(a)][0]}.${names[Number(b)][1]}${s}@bench`.toLowerCase());
    for (const run of runs) {
      const copies: NewEvent[] = run.events.map((event) => ({
        type: event.type,
        data: JSON.parse(rename(JSON.stringify(event.data))),
        metadata: { ...event.metadata, eventId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID() },
      }) as NewEvent);
      written += copies.length;
      pending.push(store.appendToStream(rename(run.streamId), copies, { expectedRevision: run.expected }));
    }
    for (let k = 0; k < 6; k += 1) {
      const chartId = ids.get(template.events.find((e) => e.type === 'ClientCreated' && JSON.stringify(e.data).includes(first(k)))!.streamId.slice(6))!;
      individuals.push({ chartId, firstName: names[k][0], lastName: names[k][1] });
    }
    await drain(false);
  }
  // Padding: legal names set again and again on the individuals, until the log has `events` events.
  for (let i = 0; written < events; i += 1) {
    const { chartId, firstName, lastName } = individuals[i % individuals.length];
    const data = { chartId, firstName, lastName };
    pending.push(store.appendToStream(`chart-${chartId}`, [{ type: 'LegalNameSet', data, metadata: { ...metadata, eventId: randomUUID(), commandType: 'SetLegalName' } } as NewEvent], { expectedRevision: 'any' }));
    written += 1;
    await drain(false);
  }
  await drain(true);
  const lastPosition = await store.headPosition();
  await store.close();
  return {
    dataDir,
    practiceId: template.practiceId,
    email,
    password,
    tagIds: template.tagIds,
    clients: sets * 10,
    events: lastPosition + 1,
    lastPosition,
    seedSeconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
};
