import { z } from 'zod';
import { EventCodec } from '../../../../libs/events/src/event-codec';
import { SqliteEventStore } from '../../../../libs/event-store/src/sqlite/sqlite-event-store';
import { InvalidEventError } from '../../../../libs/event-store/src/event-store.port';
import type { Decider } from '../../../../libs/domain/src/shared/decider';
import { commandEnvelope } from './command-envelope';
import { CommandRunner, EventDataRefusedError } from './command-runner';

type FlagSet = { readonly type: 'FlagSet'; readonly data: { readonly flag: unknown } };

// A decider that writes whatever it is given, as a request check that let a value through would.
const flags: Decider<{ flag: unknown }, number, FlagSet> = {
  decide: (command) => [{ type: 'FlagSet', data: { flag: command.flag } }],
  evolve: (count) => count + 1,
  initialState: () => 0,
};

const codec = new EventCodec({ FlagSet: { version: 1, schema: z.object({ flag: z.boolean() }).strict() } });
const envelope = () => commandEnvelope({ commandType: 'SetFlag', actorUserId: 'u1', practiceId: null });

describe('CommandRunner', () => {
  let store: SqliteEventStore;
  let runner: CommandRunner;

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:', codec });
    runner = new CommandRunner(store, codec);
  });

  afterEach(async () => store.close());

  describe('when the event store refuses the data of an event at append', () => {
    it("is the client's value: an invalid-value domain error naming the field, and nothing is appended", async () => {
      const refused = await runner.run(flags, 'flag-1', { flag: null }, envelope()).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(EventDataRefusedError);
      expect(refused).toMatchObject({ code: 'InvalidValue', kind: 'invalid', eventType: 'FlagSet', fields: [{ field: 'flag' }] });
      expect(await store.readStream('flag-1')).toEqual([]);
    });
  });

  describe('when the event store refuses an event for any other reason', () => {
    it('is our fault and stays an InvalidEventError', async () => {
      const stale = new CommandRunner(store, { currentVersion: () => 7 } as unknown as EventCodec);
      const refused = await stale.run(flags, 'flag-2', { flag: true }, envelope()).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(InvalidEventError);
      expect(refused).not.toBeInstanceOf(EventDataRefusedError);
    });
  });

  it('appends valid data', async () => {
    const result = await runner.run(flags, 'flag-3', { flag: true }, envelope());
    expect(result.revision).toBe(0);
  });
});
