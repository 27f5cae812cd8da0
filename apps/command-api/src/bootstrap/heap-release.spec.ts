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
});
