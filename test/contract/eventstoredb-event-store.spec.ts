import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError, InvalidEventError, StreamDeletedError, type EventCodec, type SubscribedEvent, EventStoreDbEventStore } from '@practice/event-store';
import { EsdbTestServer } from '../support/esdb-test-server';
import { eventStoreContract } from './event-store.contract';
import {
  eventsOfType,
  idsOf,
  newEvent,
  record,
  rejectionOf,
  streamIn,
  uniqueCategory,
  waitForEventId,
  waitUntil,
  type Recorder,
} from './event-store-contract.helpers';

/*
 * The EventStoreDB adapter, driven through the real @eventstore/db-client over gRPC. In CI the other end
 * is the in-process test server (a test harness, never a deployment option); when EVENTSTORE_TEST_URL
 * is set the same contract also runs against that real server.
 */

/** Reconnect quickly in specs; production keeps the default policy. */
const FAST_RECONNECT = { initialDelayMs: 10, maxDelayMs: 100, maxAttempts: 5 };

/** A connection string without its credentials, fit for a log line. */
const describeServer = (connectionString: string): string => connectionString.replace(/\/\/[^@/]*@/, '//***@');

describe('EventStoreDB over the gRPC test server', () => {
  beforeAll(() => {
    console.log('EventStoreDB contract: running against the in-process gRPC test server (test harness), not a real EventStoreDB');
  });

  eventStoreContract('EventStoreDB over the gRPC test server', async () => {
    const server = new EsdbTestServer();
    const { url } = await server.start();
    const store = new EventStoreDbEventStore({ connectionString: url, reconnect: FAST_RECONNECT });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await server.stop();
      },
    };
  });
});

const realServerUrl = process.env.EVENTSTORE_TEST_URL;

// The real-server run exists only when a server is named; otherwise it is not declared at all (no
// skipped tests), and the output says which servers the contract ran on.
if (realServerUrl) {
  describe('EventStoreDB at EVENTSTORE_TEST_URL', () => {
    beforeAll(() => {
      console.log(`EventStoreDB contract: running against the real server at ${describeServer(realServerUrl)}`);
    });

    eventStoreContract('EventStoreDB at EVENTSTORE_TEST_URL', async () => {
      const store = new EventStoreDbEventStore({ connectionString: realServerUrl });
      return { store, cleanup: () => store.close() };
    });
  });
} else {
  console.log('EventStoreDB contract: ran on the gRPC test server only (set EVENTSTORE_TEST_URL to also run it on a real server)');
}

describe('EventStoreDbEventStore on the gRPC test server', () => {
  let server: EsdbTestServer;
  let url: string;
  let store: EventStoreDbEventStore;
  const recorders: Recorder[] = [];
  const clients: EventStoreDBClient[] = [];

  const open = (codec?: EventCodec): EventStoreDbEventStore =>
    new EventStoreDbEventStore({ connectionString: url, codec, reconnect: FAST_RECONNECT });

  /** The raw client, for what the port cannot do (tombstones), as an operator would. */
  const rawClient = (): EventStoreDBClient => {
    const client = EventStoreDBClient.connectionString(url);
    clients.push(client);
    return client;
  };

  const subscribe = (...args: Parameters<typeof record>): Recorder => {
    const recorder = record(...args);
    recorders.push(recorder);
    return recorder;
  };

  beforeEach(async () => {
    server = new EsdbTestServer();
    ({ url } = await server.start());
    store = open();
  });

  afterEach(async () => {
    await Promise.all(recorders.splice(0).map((recorder) => recorder.subscription.stop()));
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await store.close();
    await server.stop();
  });

  describe('appending', () => {
    it('goes through BatchAppend, the client default once the server advertises it', async () => {
      const stream = streamIn(uniqueCategory());
      await store.appendToStream(stream, eventsOfType('ThingHappened', 2), { expectedRevision: 'no_stream' });
      await store.appendToStream(stream, eventsOfType('ThingHappened', 1), { expectedRevision: 1 });

      expect(server.calls.getSupportedMethods).toBeGreaterThanOrEqual(1);
      expect(server.calls.batchAppends).toBe(2);
      expect(server.calls.append).toBe(0);
    });

    it('retried with the same ids, appends nothing and answers as the first time', async () => {
      const stream = streamIn(uniqueCategory());
      const events = eventsOfType('ThingHappened', 3);
      const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      await store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 2 });

      const retry = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });

      expect(retry).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(4);
      expect(server.calls.batchAppends).toBe(3);
    });

    it('maps a refused append to EventStoreUnavailableError; the retry then succeeds once', async () => {
      const stream = streamIn(uniqueCategory());
      const events = eventsOfType('ThingHappened', 2);
      server.refuseNextAppends(1);

      const error = await rejectionOf(store.appendToStream(stream, events, { expectedRevision: 'no_stream' }));
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(await store.readStream(stream)).toEqual([]);

      const retried = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      expect(retried.nextExpectedRevision).toBe(1);
      expect(idsOf(await store.readStream(stream))).toEqual(idsOf(events));
    });

    it('refuses an event id that is not a UUID before sending anything', async () => {
      const event = newEvent('ThingHappened');
      const notUuid = { ...event, metadata: { ...event.metadata, eventId: 'command-42-event-0' } };

      const error = await rejectionOf(store.appendToStream(streamIn(uniqueCategory()), [notUuid], { expectedRevision: 'any' }));

      expect(error).toBeInstanceOf(InvalidEventError);
      expect(server.calls.batchAppends).toBe(0);
    });

    it('checks the codec before appending, and appends nothing when an event is invalid', async () => {
      const strict = open({
        checkOnAppend: (event) => {
          if (event.type === 'Broken') throw new InvalidEventError(event.type, 'data.name: Required');
        },
        decodeOnRead: (event) => event,
      });
      const stream = streamIn(uniqueCategory());

      const error = await rejectionOf(
        strict.appendToStream(stream, [newEvent('ThingHappened'), newEvent('Broken')], { expectedRevision: 'no_stream' }),
      );

      expect(error).toBeInstanceOf(InvalidEventError);
      expect(await store.readStream(stream)).toEqual([]);
      await strict.close();
    });
  });

  describe('appending no events', () => {
    it('checks the expectation against the stream as it is and writes nothing', async () => {
      const stream = streamIn(uniqueCategory());
      const appended = await store.appendToStream(stream, eventsOfType('ThingHappened', 2), { expectedRevision: 'no_stream' });

      expect(await store.appendToStream(stream, [], { expectedRevision: 1 })).toEqual(appended);
      expect(await rejectionOf(store.appendToStream(stream, [], { expectedRevision: 'no_stream' }))).toMatchObject({ actual: 1 });
      expect(await store.appendToStream(streamIn(uniqueCategory()), [], { expectedRevision: 'any' })).toEqual({
        nextExpectedRevision: -1,
        position: -1,
      });
    });
  });

  describe('closing', () => {
    it('stops its subscriptions; later calls fail with EventStoreUnavailableError', async () => {
      const closing = open();
      const recorder = subscribe(closing, {});
      await recorder.subscription.caughtUp;

      await closing.close();

      await waitUntil(() => server.activeSubscriptions === 0, 'the server sees the subscription cancelled');
      await expect(closing.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(recorder.subscription.stop()).resolves.toBeUndefined();
    });
  });

  describe('a tombstoned stream', () => {
    it('answers appends and reads with StreamDeletedError', async () => {
      const stream = streamIn(uniqueCategory());
      await store.appendToStream(stream, eventsOfType('ThingHappened', 2), { expectedRevision: 'no_stream' });
      await rawClient().tombstoneStream(stream);

      const appendError = await rejectionOf(store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'any' }));
      const readError = await rejectionOf(store.readStream(stream));

      expect(appendError).toBeInstanceOf(StreamDeletedError);
      expect(appendError).toMatchObject({ streamId: stream });
      expect(readError).toBeInstanceOf(StreamDeletedError);
    });
  });

  describe('system events', () => {
    it('are never delivered, read or counted as the head', async () => {
      const category = uniqueCategory();
      const [kept, tombstoned, softDeleted] = [streamIn(category), streamIn(category), streamIn(category)];
      await store.appendToStream(tombstoned, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' });
      await store.appendToStream(softDeleted, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' });
      const last = await store.appendToStream(kept, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' });
      // The server's own events: seeded `$settings`/`$users`, a `$streamDeleted` tombstone in our category,
      // and a `$metadata` event in `$$<stream>` for the soft delete, all after our last event.
      await rawClient().tombstoneStream(tombstoned);
      await rawClient().deleteStream(softDeleted);

      const everything = subscribe(store, {});
      const ourCategory = subscribe(store, { filter: { streamCategories: [category] } });
      await Promise.all([everything.subscription.caughtUp, ourCategory.subscription.caughtUp]);
      const read = await store.readAll();

      const isSystem = (event: SubscribedEvent): boolean => event.type.startsWith('$') || event.streamId.startsWith('$');
      expect(everything.received.filter(isSystem)).toEqual([]);
      expect(ourCategory.received.filter(isSystem)).toEqual([]);
      expect(read.filter(isSystem)).toEqual([]);
      expect(ourCategory.received).toHaveLength(3);
      expect(await store.headPosition()).toBe(last.position);
    });

    it('leave the head at -1 while the log holds nothing else', async () => {
      expect(await store.headPosition()).toBe(-1);
      const subscription = store.subscribeToAll({}, { onEvents: async () => undefined });
      await subscription.caughtUp;
      await subscription.stop();
    });
  });

  describe('a subscription the server drops', () => {
    it('is re-established from the last delivered position: no duplicates, no gaps', async () => {
      const category = uniqueCategory();
      const stream = streamIn(category);
      const before = eventsOfType('ThingHappened', 120);
      await store.appendToStream(stream, before, { expectedRevision: 'no_stream' });
      let batches = 0;
      let droppedDuring = -1;
      const recorder = subscribe(store, { filter: { streamCategories: [category] }, maxBatchSize: 10 }, async (batch) => {
        batches += 1;
        if (batches !== 3) return;
        // Mid catch-up, while most of the log is still to come.
        droppedDuring = batch[batch.length - 1]?.position ?? -1;
        server.dropAllSubscriptions();
      });
      await recorder.subscription.caughtUp;

      // And once more while live.
      await waitUntil(() => server.activeSubscriptions === 1, 'the subscription is re-established');
      server.dropAllSubscriptions();
      const after = eventsOfType('ThingHappened', 30);
      for (const event of after) await store.appendToStream(stream, [event], { expectedRevision: 'any' });
      await waitForEventId(recorder, after[after.length - 1]?.metadata.eventId ?? '');

      expect(idsOf(recorder.received)).toEqual(idsOf([...before, ...after]));
      expect(recorder.received.map((event) => event.revision)).toEqual([...Array(150).keys()]);
      expect(recorder.errors).toEqual([]);
      // Each re-subscription asked for the events after one already delivered, not for the log again.
      const [first, ...resumed] = server.subscriptionRequests;
      expect(first).toEqual({ to: 'all', after: 'start' });
      expect(resumed.length).toBeGreaterThanOrEqual(2);
      const delivered = recorder.received.map((event) => BigInt(event.position));
      for (const request of resumed) expect(delivered).toContain(request.after);
      expect(resumed[0]?.after).toBeGreaterThanOrEqual(BigInt(droppedDuring));
      expect(resumed[0]?.after).toBeLessThan(delivered[119] ?? 0n);
    });

    it('gives up with EventStoreUnavailableError when the server stays away', async () => {
      const recorder = subscribe(store, {});
      await recorder.subscription.caughtUp;

      await server.stop();
      await waitUntil(() => recorder.errors.length > 0, 'the subscription gives up', 10_000);

      expect(recorder.errors).toHaveLength(1);
      expect(recorder.errors[0]).toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  describe('caught up', () => {
    it('resolves on the server caught-up signal even when the filter excludes the last events', async () => {
      const [wanted, other] = [uniqueCategory('wanted'), uniqueCategory('other')];
      await store.appendToStream(streamIn(wanted), eventsOfType('ThingHappened', 2), { expectedRevision: 'no_stream' });
      await store.appendToStream(streamIn(other), eventsOfType('ThingHappened', 3), { expectedRevision: 'no_stream' });

      const recorder = subscribe(store, { filter: { streamCategories: [wanted] } });
      await recorder.subscription.caughtUp;

      expect(recorder.received).toHaveLength(2);
    });
  });

  describe('with a codec', () => {
    const rejectsBroken: EventCodec = {
      checkOnAppend: () => undefined,
      decodeOnRead: (event) => {
        if (event.type === 'Broken') throw new InvalidEventError(event.type, 'data.name: Required');
        return { ...event, data: { decoded: event.data } };
      },
    };

    it('decodes reads, throws on undecodable ones, and hands them to subscriptions with the reason', async () => {
      const stream = streamIn(uniqueCategory());
      await store.appendToStream(stream, [newEvent('ChartOpened', { n: 1 }), newEvent('Broken'), newEvent('ChartOpened')], {
        expectedRevision: 'no_stream',
      });
      const decoding = open(rejectsBroken);

      const received: SubscribedEvent[] = [];
      const subscription = decoding.subscribeToAll({}, { onEvents: async (batch) => void received.push(...batch) });
      await subscription.caughtUp;
      await subscription.stop();

      expect(received.map((event) => event.invalidReason)).toEqual([undefined, 'data.name: Required', undefined]);
      expect(received[0]?.data).toEqual({ decoded: { n: 1 } });
      expect(received[1]?.metadata.eventId).toBeDefined();
      await expect(decoding.readStream(stream)).rejects.toBeInstanceOf(InvalidEventError);
      await expect(decoding.readAll()).rejects.toBeInstanceOf(InvalidEventError);
      await decoding.close();
    });
  });
});
