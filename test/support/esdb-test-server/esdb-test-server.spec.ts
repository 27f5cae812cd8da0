/**
 * TEST HARNESS specs, never a deployment option: the EventStoreDB gRPC test server seen through the real
 * `@eventstore/db-client`, for the parts the adapter's specs do not reach (the non-batch Append path,
 * stream subscriptions, `$all` positions, soft deletes, server-side filters and checkpoints).
 */
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  eventTypeFilter,
  EventStoreDBClient,
  jsonEvent,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EsdbTestServer } from './esdb-test-server';

const event = (type = 'ThingHappened', data: Record<string, unknown> = {}) => jsonEvent({ id: randomUUID(), type, data });

const collect = async (read: AsyncIterable<ResolvedEvent>): Promise<ResolvedEvent[]> => {
  const events: ResolvedEvent[] = [];
  for await (const resolved of read) events.push(resolved);
  return events;
};

describe('EsdbTestServer (test harness) through @eventstore/db-client', () => {
  let server: EsdbTestServer;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    server = new EsdbTestServer();
    client = EventStoreDBClient.connectionString((await server.start()).url);
  });

  afterEach(async () => {
    await client.dispose();
    await server.stop();
  });

  describe('the Append path (taken when a call carries credentials)', () => {
    const credentials = { username: 'admin', password: 'changeit' };

    it('appends, reports conflicts and deleted streams as the client expects', async () => {
      const result = await client.appendToStream('order-1', [event(), event()], { expectedRevision: 'no_stream', credentials });
      expect(result.nextExpectedRevision).toBe(1n);
      expect(server.calls.append).toBe(1);
      expect(server.calls.batchAppends).toBe(0);

      await expect(client.appendToStream('order-1', [event()], { expectedRevision: 0n, credentials })).rejects.toMatchObject({
        constructor: WrongExpectedVersionError,
        expectedVersion: 0n,
        actualVersion: 1n,
      });

      await client.tombstoneStream('order-1');
      await expect(client.appendToStream('order-1', [event()], { credentials })).rejects.toBeInstanceOf(StreamDeletedError);
    });
  });

  describe('$all', () => {
    it('reads forwards from a position inclusively and backwards from it exclusively', async () => {
      await client.appendToStream('order-1', [event('A'), event('B'), event('C')]);
      const ours = (await collect(client.readAll())).filter((resolved) => resolved.event?.streamId === 'order-1');
      const middle = ours[1]?.event?.position as Position;

      const forwards = await collect(client.readAll({ fromPosition: middle, maxCount: 2 }));
      const backwards = await collect(client.readAll({ fromPosition: middle, direction: BACKWARDS, maxCount: 1 }));
      const last = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }));

      expect(forwards.map((resolved) => resolved.event?.type)).toEqual(['B', 'C']);
      expect(backwards.map((resolved) => resolved.event?.type)).toEqual(['A']);
      expect(last.map((resolved) => resolved.event?.type)).toEqual(['C']);
      expect(middle.commit).toBe(middle.prepare);
    });

    it('filters a subscription on the server and sends checkpoints and caught-up', async () => {
      await client.appendToStream('order-1', [event('OrderPlaced'), event('OrderShipped'), event('OrderPlaced')]);
      const checkpoints: bigint[] = [];
      const subscription = client.subscribeToAll({
        fromPosition: START,
        filter: eventTypeFilter({ prefixes: ['OrderPlaced'], checkpointInterval: 1, checkpointReached: (_, position) => void checkpoints.push(position.commit) }),
      });
      const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', resolve));
      const types: string[] = [];
      subscription.on('data', (resolved: ResolvedEvent) => types.push(resolved.event?.type ?? ''));

      await caughtUp;
      await subscription.unsubscribe();

      expect(types).toEqual(['OrderPlaced', 'OrderPlaced']);
      expect(checkpoints.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('a stream', () => {
    it('is subscribed to after a revision, catching up then live', async () => {
      await client.appendToStream('order-1', [event('A'), event('B')]);
      const subscription = client.subscribeToStream('order-1', { fromRevision: 0n });
      const types: string[] = [];
      subscription.on('data', (resolved: ResolvedEvent) => types.push(resolved.event?.type ?? ''));
      await new Promise<void>((resolve) => subscription.once('caughtUp', resolve));

      await client.appendToStream('order-1', [event('C')]);
      await client.appendToStream('order-2', [event('D')]);
      await client.appendToStream('order-1', [event('E')]);
      while (types.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      await subscription.unsubscribe();

      expect(types).toEqual(['B', 'C', 'E']);
    });

    it('soft-deleted, reads as missing and carries its revisions on when written again', async () => {
      await client.appendToStream('order-1', [event('A'), event('B')]);
      await client.deleteStream('order-1');

      await expect(collect(client.readStream('order-1'))).rejects.toBeInstanceOf(StreamNotFoundError);
      const result = await client.appendToStream('order-1', [event('C')], { expectedRevision: 'no_stream' });

      expect(result.nextExpectedRevision).toBe(2n);
      const read = await collect(client.readStream('order-1', { fromRevision: START }));
      expect(read.map((resolved) => [resolved.event?.type, resolved.event?.revision])).toEqual([['C', 2n]]);
    });
  });
});
