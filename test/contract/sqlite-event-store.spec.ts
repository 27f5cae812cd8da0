import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventCodec, InvalidEventError, WrongExpectedRevisionError, passThroughCodec, SqliteEventStore, type SubscribedEvent } from '@practice/event-store';
import { eventStoreContract } from './event-store.contract';
import { eventsOfType, idsOf, newEvent, rejectionOf, streamIn, waitUntil } from './event-store-contract.helpers';

/** A fresh directory per store, removed with it. */
const tempDatabase = (): { filename: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
  return { filename: join(dir, 'events.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
};

eventStoreContract('SQLite', async () => {
  const { filename, remove } = tempDatabase();
  const store = new SqliteEventStore({ filename });
  return {
    store,
    cleanup: async () => {
      await store.close();
      remove();
    },
  };
});

describe('SqliteEventStore', () => {
  let filename: string;
  let remove: () => void;
  const opened: SqliteEventStore[] = [];

  const open = (codec?: EventCodec): SqliteEventStore => {
    const store = new SqliteEventStore({ filename, codec });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    ({ filename, remove } = tempDatabase());
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    remove();
  });

  it('has head position -1 while empty and positions from 1 on', async () => {
    const store = open();
    expect(await store.headPosition()).toBe(-1);
    const result = await store.appendToStream('chart-1', eventsOfType('ChartOpened', 2), {
      expectedRevision: 'no_stream',
    });
    expect(result.position).toBe(2);
    expect(await store.headPosition()).toBe(2);
  });

  it('keeps appended events across close and reopen of the same file', async () => {
    const first = open();
    const events = eventsOfType('ChartOpened', 3);
    const appended = await first.appendToStream('chart-1', events, { expectedRevision: 'no_stream' });
    await first.close();

    const reopened = open();
    expect(idsOf(await reopened.readStream('chart-1'))).toEqual(idsOf(events));
    expect(await reopened.headPosition()).toBe(appended.position);
    const next = await reopened.appendToStream('chart-1', [newEvent('ChartRenamed')], { expectedRevision: 2 });
    expect(next).toEqual({ nextExpectedRevision: 3, position: appended.position + 1 });
    expect(await reopened.appendToStream('chart-1', events, { expectedRevision: 'no_stream' })).toEqual(appended);
  });

  it('keeps the log in a WAL-mode file', async () => {
    await open().close();
    const raw = new Database(filename);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('works in memory', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    await store.appendToStream('chart-1', [newEvent('ChartOpened')], { expectedRevision: 'no_stream' });
    expect(await store.readStream('chart-1')).toHaveLength(1);
    await store.close();
  });

  describe('group commit', () => {
    it('commits 200 concurrent appends to different streams in far fewer transactions', async () => {
      const store = open();
      const before = store.commitStats();

      const results = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          store.appendToStream(`chart-${index}`, [newEvent('ChartOpened')], { expectedRevision: 'no_stream' }),
        ),
      );

      const after = store.commitStats();
      expect(results.every((result) => result.nextExpectedRevision === 0)).toBe(true);
      expect(new Set(results.map((result) => result.position)).size).toBe(200);
      expect(after.appendRequests - before.appendRequests).toBe(200);
      expect(after.transactions - before.transactions).toBeLessThan(10);
      expect(await store.headPosition()).toBe(200);
    });

    it('lets exactly one of concurrent conflicting appends to one stream win, the others seeing it', async () => {
      const store = open();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          store.appendToStream('chart-1', eventsOfType('ChartOpened', 2), { expectedRevision: 'no_stream' }),
        ),
      );

      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(9);
      for (const loser of losers) {
        expect(loser).toBeInstanceOf(WrongExpectedRevisionError);
        expect(loser).toMatchObject({ actual: 1 });
      }
      expect(await store.readStream('chart-1')).toHaveLength(2);
    });

    it('applies appends grouped together in call order, as if sequential', async () => {
      const store = open();
      const before = store.commitStats().transactions;

      const [first, second, stale, third] = await Promise.allSettled([
        store.appendToStream('chart-1', [newEvent('ChartOpened')], { expectedRevision: 'no_stream' }),
        store.appendToStream('chart-1', [newEvent('ChartRenamed')], { expectedRevision: 0 }),
        store.appendToStream('chart-1', [newEvent('ChartRenamed')], { expectedRevision: 0 }),
        store.appendToStream('chart-1', [newEvent('ChartClosed')], { expectedRevision: 'stream_exists' }),
      ]);

      expect(store.commitStats().transactions - before).toBe(1);
      expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0 } });
      expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1 } });
      expect(stale).toMatchObject({ status: 'rejected', reason: { actual: 1 } });
      expect(third).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2 } });
      expect((await store.readStream('chart-1')).map((event) => event.type)).toEqual([
        'ChartOpened',
        'ChartRenamed',
        'ChartClosed',
      ]);
    });

    it('treats a retry in the same group as the first append', async () => {
      const store = open();
      const events = eventsOfType('ChartOpened', 2);
      const [first, retry] = await Promise.all([
        store.appendToStream('chart-1', events, { expectedRevision: 'no_stream' }),
        store.appendToStream('chart-1', events, { expectedRevision: 'no_stream' }),
      ]);
      expect(retry).toEqual(first);
      expect(await store.readStream('chart-1')).toHaveLength(2);
    });

    it('writes appends still queued when closed', async () => {
      const store = open();
      const pending = store.appendToStream('chart-1', [newEvent('ChartOpened')], { expectedRevision: 'no_stream' });
      await store.close();
      await expect(pending).resolves.toEqual({ nextExpectedRevision: 0, position: 1 });

      expect(await open().readStream('chart-1')).toHaveLength(1);
    });
  });

  describe('event ids', () => {
    it('refuses one id twice in one append', async () => {
      const store = open();
      const event = newEvent('ChartOpened');
      await expect(store.appendToStream('chart-1', [event, event], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      expect(await store.readStream('chart-1')).toEqual([]);
    });

    it('refuses an id already stored in another stream', async () => {
      const store = open();
      const event = newEvent('ChartOpened');
      await store.appendToStream('chart-1', [event], { expectedRevision: 'no_stream' });
      const error = await rejectionOf(store.appendToStream('chart-2', [event], { expectedRevision: 'any' }));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: 'chart-2', actual: -1 });
    });
  });

  describe('with a codec', () => {
    const rejectsBroken: EventCodec = {
      checkOnAppend: (event) => {
        if (event.type === 'Broken') throw new InvalidEventError(event.type, 'data.name: Required');
      },
      decodeOnRead: (event) => {
        if (event.type === 'Broken') throw new InvalidEventError(event.type, 'data.name: Required');
        return { ...event, data: { decoded: event.data } };
      },
    };

    it('rejects an invalid event on append and appends nothing of that append', async () => {
      const store = open(rejectsBroken);
      const transactions = store.commitStats().transactions;

      const events = [newEvent('ChartOpened'), newEvent('Broken')];
      const error = await rejectionOf(store.appendToStream('chart-1', events, { expectedRevision: 'no_stream' }));

      expect(error).toBeInstanceOf(InvalidEventError);
      expect(error).toMatchObject({ eventType: 'Broken' });
      expect(await store.readStream('chart-1')).toEqual([]);
      expect(store.commitStats().transactions).toBe(transactions);
    });

    it('decodes events on read', async () => {
      const store = open(rejectsBroken);
      await store.appendToStream('chart-1', [newEvent('ChartOpened', { n: 1 })], { expectedRevision: 'no_stream' });
      expect((await store.readStream('chart-1'))[0]?.data).toEqual({ decoded: { n: 1 } });
      expect((await store.readAll())[0]?.data).toEqual({ decoded: { n: 1 } });
    });

    it('hands a stored event that no longer decodes to subscriptions with the reason; reads throw', async () => {
      // Written before the schema check existed, so it is already in the log.
      const legacy = open(passThroughCodec);
      await legacy.appendToStream('chart-1', [newEvent('ChartOpened'), newEvent('Broken'), newEvent('ChartOpened')], {
        expectedRevision: 'no_stream',
      });
      await legacy.close();

      const store = open(rejectsBroken);
      const received: SubscribedEvent[] = [];
      const subscription = store.subscribeToAll({}, { onEvents: async (batch) => void received.push(...batch) });
      await subscription.caughtUp;
      await subscription.stop();

      expect(received.map((event) => event.invalidReason)).toEqual([
        undefined,
        'event Broken is invalid: data.name: Required',
        undefined,
      ]);
      expect(received[1]?.metadata.eventId).toBeDefined();
      await expect(store.readStream('chart-1')).rejects.toBeInstanceOf(InvalidEventError);
    });
  });

  describe('subscriptions and close', () => {
    it('ends subscriptions on close, resolving their stop', async () => {
      const store = open();
      const subscription = store.subscribeToAll({}, { onEvents: async () => undefined });
      await subscription.caughtUp;
      await store.close();
      await expect(subscription.stop()).resolves.toBeUndefined();
      await expect(store.headPosition()).rejects.toThrow('closed');
    });

    it('lets a handler stop its own subscription', async () => {
      const store = open();
      await store.appendToStream(streamIn('chart'), eventsOfType('ChartOpened', 3), { expectedRevision: 'no_stream' });
      let batches = 0;
      const subscription = store.subscribeToAll(
        { maxBatchSize: 1 },
        {
          onEvents: async () => {
            batches += 1;
            await subscription.stop();
          },
        },
      );
      await waitUntil(() => batches === 1, 'the first batch is handled');
      await subscription.stop();
      expect(batches).toBe(1);
    });

    it('rejects caughtUp when the handler fails before catching up', async () => {
      const store = open();
      await store.appendToStream('chart-1', [newEvent('ChartOpened')], { expectedRevision: 'no_stream' });
      const failure = new Error('boom');
      const subscription = store.subscribeToAll(
        {},
        {
          onEvents: async () => {
            throw failure;
          },
          onError: () => undefined,
        },
      );
      await expect(subscription.caughtUp).rejects.toBe(failure);
    });
  });
});
