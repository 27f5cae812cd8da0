/**
 * The client list's P4 queries against the in-memory store alone (no HTTP): fills a store with the
 * rows of a practice like the large practice's (`BENCH_CLIENTS`, default 20000; individuals with an
 * email, tags on six of ten, setups, a couple and a minor per ten), then times `find` of each query as
 * the list route builds it and prints its plan. `BENCH_PROFILE_DIR=<dir>` writes a CPU profile of the reads.
 *   BENCH_CLIENTS=100000 npx ts-node --transpile-only -r tsconfig-paths/register bench/client-list-find.ts
 * `BENCH_SAMPLES` (200) reads per query; `BENCH_QUERY=<name prefix>` runs the queries whose name starts so.
 * Run under `node --expose-gc --min-semi-space-size=256 --max-semi-space-size=256` (see the README), it also prints the bytes each
 * read allocates: the heap's growth over 1,000 reads after a full collection, with no collection between.
 */
import { InMemoryReadStore, type ReadCollection } from '@practice/read-store';
import { CLIENTS, clientListProjection } from '@practice/read-models';
import type { RecordedEvent } from '@practice/events';
import { clientListFilter, CLIENT_LIST_FIELDS, CLIENT_LIST_ORDER } from '../apps/command-api/src/clients/client-queries';
import { afterKeys } from '../apps/command-api/src/http/keyset-page';
import { latencySummary } from './bench-support';
import { profiled } from './cpu-profile';
import { performance, PerformanceObserver } from 'node:perf_hooks';

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Margaret', 'Ken', 'Radia', 'Tim', 'Sophie', 'Niklaus', 'Hedy', 'Dennis', 'Karen', 'Leslie', 'Shafi', 'Whitfield', 'Mary', 'Robin', 'Jean', 'Carl', 'Anita', 'Guido', 'Lynn', 'Vint', 'Ivan', 'Fran', 'Peter', 'Judea'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Hamilton', 'Thompson', 'Perlman', 'Berners', 'Wilson', 'Wirth', 'Lamarr', 'Ritchie', 'Jones', 'Lamport', 'Goldwasser', 'Diffie', 'Shaw', 'Milner', 'Sammet', 'Hewitt', 'Borg', 'Rossum', 'Conway', 'Cerf', 'Sutherland', 'Elkins', 'Naur', 'Pearl', 'Kay', 'Floyd', 'Hoare', 'Iverson', 'Kahn', 'Moore', 'Rivest', 'Shamir', 'Adleman', 'Hellman', 'Codd', 'Gray', 'Stonebraker', 'Bachman', 'Engelbart', 'Minsky', 'McCarthy', 'Simon', 'Newell', 'Feigenbaum', 'Reddy', 'Yao', 'Valiant', 'Karp', 'Cook', 'Rabin', 'Scott', 'Blum', 'Hartmanis', 'Stearns', 'Tarjan', 'Hopcroft'];
const practiceId = '11111111-1111-4111-8111-111111111111';
const TAGS = ['t-anxiety', 't-telehealth', 't-sliding'];

let position = 0;
const event = (type: string, data: Record<string, unknown>): RecordedEvent =>
  ({
    type,
    data,
    streamId: `chart-${String(data.chartId)}`,
    revision: 0,
    position: (position += 1),
    metadata: { eventId: `e${position}`, schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z', actorUserId: 'u', practiceId, correlationId: 'c', causationId: null, commandType: 'X' },
  }) as RecordedEvent;

const fill = async (collection: ReadCollection, clients: number): Promise<void> => {
  const sets = Math.ceil(clients / 10);
  for (let s = 0; s < sets; s += 1) {
    const names = Array.from({ length: 10 }, (_, k) => [FIRST[(s * 7 + k * 3) % FIRST.length], LAST[(s * 13 + k * 5 + Math.floor(s / 97)) % LAST.length]]);
    const docs = [];
    for (let k = 0; k < 10; k += 1) {
      const chartId = `c-${s}-${k}`;
      const [firstName, lastName] = names[k];
      const email = k < 6 ? `${firstName}.${lastName}${s}@bench.example`.toLowerCase() : null;
      let doc = k === 8
        ? clientListProjection.apply(null, event('GroupChartCreated', { chartId, practiceId, name: `${names[8][1]} ${names[9][1]}` }), chartId, new Map())
        : clientListProjection.apply(null, event('ClientCreated', { chartId, practiceId, kind: k === 6 ? 'minor' : 'individual', firstName, lastName, email }), chartId, new Map());
      if (k < 6) {
        doc = clientListProjection.apply(doc, event('ClientTagged', { chartId, tagId: TAGS[k % 3] }), chartId, new Map());
        doc = clientListProjection.apply(doc, event('LegalNameSet', { chartId, firstName, lastName }), chartId, new Map());
        if (k % 2 === 0) doc = clientListProjection.apply(doc, event('ClientSetupCompleted', { chartId }), chartId, new Map());
      }
      docs.push({ kind: 'put' as const, doc: doc! });
    }
    await collection.bulkWrite(docs);
  }
};

const main = async (): Promise<void> => {
  const clients = Number(process.env.BENCH_CLIENTS ?? 20_000);
  const samples = Number(process.env.BENCH_SAMPLES ?? 200);
  const collection = new InMemoryReadStore().collection(CLIENTS) as ReadCollection & { explain(f: unknown, o: unknown): unknown };
  await collection.ensureIndexes(clientListProjection.indexes);
  await fill(collection, clients);
  const page = { sort: CLIENT_LIST_ORDER, limit: 51, projection: CLIENT_LIST_FIELDS };
  // Half-way through the practice, as the bench's deep cursor.
  const all = await collection.find(clientListFilter(practiceId, {} as never), { sort: CLIENT_LIST_ORDER });
  const middle = all[Math.floor(all.length / 2)];
  const queries: [string, (i: number) => Record<string, unknown>][] = [
    ['first page', () => clientListFilter(practiceId, {} as never)],
    ['status filter', () => clientListFilter(practiceId, { status: 'Active' } as never)],
    ['tag filter', (i) => clientListFilter(practiceId, { tag: TAGS[i % 3] } as never)],
    ['name prefix search', (i) => clientListFilter(practiceId, { search: ['gra', 'lov', 'hop', 'tur', 'ada', 'kn', 'ham', 'per', 'wil', 'mar', 'dij', 'lisk'][i % 12] } as never)],
    ['email prefix search', (i) => clientListFilter(practiceId, { search: ['grace.h', 'ada.l', 'alan.', 'ken.t'][i % 4] } as never)],
    ['deep cursor page', () => afterKeys(clientListFilter(practiceId, {} as never), CLIENT_LIST_ORDER, [middle.sortName as string, middle._id])],
  ];
  console.log(`client list find: ${clients} clients, ${samples} samples each`);
  await profiled('client-list-find', async () => {
    for (const [name, filterOf] of queries) {
      if (process.env.BENCH_QUERY && !name.startsWith(process.env.BENCH_QUERY)) continue;
      for (let i = 0; i < 20; i += 1) await collection.find(filterOf(i), page);
      const latencies: number[] = [];
      for (let i = 0; i < samples; i += 1) {
        const filter = filterOf(i);
        const started = process.hrtime.bigint();
        await collection.find(filter, page);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const s = latencySummary(latencies);
      const plans = [...new Set(Array.from({ length: 12 }, (_, i) => JSON.stringify(collection.explain(filterOf(i), page))))];
      const bytes = await bytesPerRead(collection, filterOf, page);
      console.log(`  ${name}: p50 ${s.p50Ms.toFixed(3)} ms, p99 ${s.p99Ms.toFixed(3)} ms;${bytes} ${plans.join(' ')}`);
    }
  });
};

/** The heap's growth per read over 1,000 reads from a collected heap, when `gc` is exposed and no collection ran meanwhile. */
const bytesPerRead = async (collection: ReadCollection, filterOf: (i: number) => Record<string, unknown>, page: object): Promise<string> => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return '';
  const reads = 1_000;
  const filters = Array.from({ length: reads }, (_, i) => filterOf(i));
  let collections = 0;
  let from = Infinity;
  const observer = new PerformanceObserver((list) => (collections += list.getEntries().filter((entry) => entry.startTime >= from).length));
  observer.observe({ entryTypes: ['gc'] });
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  from = performance.now();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < reads; i += 1) await collection.find(filters[i], page);
  const grown = process.memoryUsage().heapUsed - before;
  await new Promise((resolve) => setImmediate(resolve));
  observer.disconnect();
  return collections > 0 ? ` (a collection ran: no byte count)` : ` ${Math.round(grown / reads).toLocaleString('en')} bytes/read;`;
};

void main();
