import { InMemoryReadStore } from '@practice/read-store';
import { RELEASE_AFTER_EVENTS, releaseHeap, settleAfterCatchUp } from './heap-release';

describe('releasing the heap after a start that rebuilt the read models', () => {
  it('collects without exposing a global gc, and gives back the pages of dropped garbage', () => {
    let garbage: unknown[] | undefined = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `doc-${i}`, keys: [i, `k${i}`] }));
    expect(garbage.length).toBe(1_000_000);
    garbage = undefined;
    const released = releaseHeap();
    expect(released.rssAfterMiB).toBeLessThan(released.rssBeforeMiB);
    expect(released.heapUsedMiB).toBeGreaterThan(0);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it('runs only after a start that applied many events', async () => {
    const started = (eventsApplied: number) => ({ projector: { status: () => ({ eventsApplied }) } });
    expect(await settleAfterCatchUp(started(0))).toBeUndefined();
    expect(await settleAfterCatchUp(started(RELEASE_AFTER_EVENTS - 1))).toBeUndefined();
    expect(await settleAfterCatchUp(started(RELEASE_AFTER_EVENTS))).toMatchObject({ ms: expect.any(Number) });
  });

  it('files the inserts that waited in the in-memory indexes first, so no first read sorts a group', async () => {
    const readStore = new InMemoryReadStore();
    const clients = readStore.collection('clients');
    await clients.ensureIndexes([{ name: 'by_practice', keys: { practiceId: 1, sortName: 1 } }]);
    const names = Array.from({ length: 5_000 }, (_, i) => `n${String((i * 7919) % 5_000).padStart(5, '0')}`);
    await clients.bulkWrite(names.map((sortName, i) => ({ kind: 'put' as const, doc: { _id: `c${i}`, practiceId: i % 2 ? 'p1' : 'p2', sortName } })));
    const settled = await settleAfterCatchUp({ projector: { status: () => ({ eventsApplied: RELEASE_AFTER_EVENTS }) }, readStore });
    expect(settled).toMatchObject({ indexGroupsFiled: 2, filingMs: expect.any(Number) });
    expect(readStore.fileWaitingInserts()).toBe(0);
    const page = await clients.find({ practiceId: 'p1' }, { sort: { sortName: 1 }, limit: 3 });
    expect(page.map((doc) => doc.sortName)).toEqual([...names.filter((_, i) => i % 2)].sort().slice(0, 3));
    await readStore.close();
  });
});
