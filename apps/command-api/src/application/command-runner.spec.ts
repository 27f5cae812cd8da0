import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { EventCodec } from '@practice/events';
import { SqliteEventStore, InvalidEventError } from '@practice/event-store';
import { type Decider, DomainError } from '@practice/domain';
import { commandEnvelope } from './command-envelope';
import { CommandRunner, EventDataRefusedError, RevisionMismatchError } from './command-runner';

type FlagSet = { readonly type: 'FlagSet'; readonly data: { readonly flag: unknown } };

// A decider that writes whatever it is given, as a request check that let a value through would.
const flags: Decider<{ flag: unknown }, number, FlagSet> = {
  decide: (command) => [{ type: 'FlagSet', data: { flag: command.flag } }],
  evolve: (count) => count + 1,
  initialState: () => 0,
};

const codec = new EventCodec({ FlagSet: { version: 1, schema: z.object({ flag: z.boolean() }).strict() } });
const envelope = () => commandEnvelope({ commandType: 'SetFlag', actorUserId: 'u1', practiceId: null });
const retryable = (fingerprint: string) =>
  commandEnvelope({ commandType: 'SetFlag', actorUserId: 'u1', practiceId: null, idempotencyKey: { key: 'key-1', fingerprint } });

// A decider that refuses `false` on a stream that has one flag already, to tell a refusal from a mismatch.
const strict: Decider<{ flag: boolean }, number, FlagSet> = {
  ...flags,
  decide: (command, count) => {
    if (!command.flag && count > 0) throw new DomainError('DateOfBirthInFuture', 'invalid', 'refused');
    return [{ type: 'FlagSet', data: { flag: command.flag } }];
  },
};

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

  describe('commands racing on one stream', () => {
    it('all land, one after another: a lost race is decided again on the new state', async () => {
      const racing = Array.from({ length: 24 }, () => runner.run(flags, 'flag-race', { flag: true }, envelope()));
      const results = await Promise.all(racing);
      expect(results.map((result) => result.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i));
      expect(await store.readStream('flag-race')).toHaveLength(24);
    });

    it('all land when two processes race on the stream: the loser reads again after a random pause', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'runner-race-'));
      const [one, two] = [0, 1].map(() => new SqliteEventStore({ filename: join(dir, 'events.db'), codec }));
      try {
        const runners = [new CommandRunner(one, codec), new CommandRunner(two, codec)];
        const racing = Array.from({ length: 16 }, (_, i) => runners[i % 2].run(flags, 'flag-processes', { flag: true }, envelope()));
        await Promise.all(racing);
        expect(await one.readStream('flag-processes')).toHaveLength(16);
      } finally {
        await Promise.all([one.close(), two.close()]);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('appends valid data', async () => {
    const result = await runner.run(flags, 'flag-3', { flag: true }, envelope());
    expect(result.revision).toBe(0);
  });

  describe('If-Match', () => {
    it('runs when the stream is at the revision the caller saw', async () => {
      await runner.run(flags, 'flag-4', { flag: true }, envelope());
      const result = await runner.run(flags, 'flag-4', { flag: true }, envelope(), { expectedRevision: 0 });
      expect(result.revision).toBe(1);
    });

    it('is a RevisionMismatch when the stream moved on, and nothing is appended', async () => {
      await runner.run(flags, 'flag-5', { flag: true }, envelope());
      await runner.run(flags, 'flag-5', { flag: true }, envelope());
      const refused = await runner.run(flags, 'flag-5', { flag: true }, envelope(), { expectedRevision: 0 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RevisionMismatchError);
      expect(refused).toMatchObject({ expected: 0, actual: 1 });
      expect(await store.readStream('flag-5')).toHaveLength(2);
    });

    it("decides first: the decider's refusal wins over a stale revision", async () => {
      await runner.run(strict, 'flag-6', { flag: true }, envelope());
      const refused = await runner.run(strict, 'flag-6', { flag: false }, envelope(), { expectedRevision: 7 }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'DateOfBirthInFuture' });
    });
  });

  describe('a retried command (same Idempotency-Key)', () => {
    it('answers as the first time and appends nothing, even with a stale If-Match', async () => {
      const first = await runner.run(flags, 'flag-7', { flag: true }, retryable('same'), { expectedRevision: -1 });
      await runner.run(flags, 'flag-7', { flag: true }, envelope());
      const again = await runner.run(flags, 'flag-7', { flag: true }, retryable('same'), { expectedRevision: -1 });
      expect(again).toMatchObject({ revision: first.revision, position: first.position, events: first.events });
      expect(await store.readStream('flag-7')).toHaveLength(2);
    });

    it('with another request is IdempotencyKeyReused, and nothing is appended', async () => {
      await runner.run(flags, 'flag-8', { flag: true }, retryable('first'));
      const reused = await runner.run(flags, 'flag-8', { flag: false }, retryable('second')).catch((e: unknown) => e);
      expect(reused).toMatchObject({ code: 'IdempotencyKeyReused', fields: [{ field: 'Idempotency-Key' }] });
      expect(await store.readStream('flag-8')).toHaveLength(1);
    });
  });

  describe('prepare (before the first write of a multi-stream command)', () => {
    it('decides and checks If-Match without appending anything', async () => {
      await runner.run(strict, 'flag-9', { flag: true }, envelope());
      await expect(runner.prepare(strict, 'flag-9', { flag: false }, envelope())).rejects.toMatchObject({ code: 'DateOfBirthInFuture' });
      await expect(runner.prepare(strict, 'flag-9', { flag: true }, envelope(), { expectedRevision: 3 })).rejects.toBeInstanceOf(
        RevisionMismatchError,
      );
      const prepared = await runner.prepare(strict, 'flag-9', { flag: true }, envelope(), { expectedRevision: 0 });
      expect(prepared).toMatchObject({ state: 1, before: 1, revision: 0, earlier: [], decided: [{ type: 'FlagSet' }] });
      expect(await store.readStream('flag-9')).toHaveLength(1);
    });

    it('on a retry that already landed: the state before it, what it wrote, and no decision or If-Match check', async () => {
      await runner.run(strict, 'flag-10', { flag: true }, envelope());
      await runner.run(strict, 'flag-10', { flag: true }, retryable('same'));
      await runner.run(strict, 'flag-10', { flag: true }, envelope());
      const prepared = await runner.prepare(strict, 'flag-10', { flag: true }, retryable('same'), { expectedRevision: 0 });
      expect(prepared.state).toBe(3);
      expect(prepared.before).toBe(2);
      expect(prepared.earlier.map((e) => e.revision)).toEqual([1]);
    });
  });

  describe('a stream named by the command (newStream: an id the command made)', () => {
    it('with a fresh command id: decided on the empty stream and appended as its first events', async () => {
      const created = await runner.run(strict, 'flag-11', { flag: false }, envelope(), { newStream: true });
      expect(created).toMatchObject({ state: 1, revision: 0 });
      expect(await store.readStream('flag-11')).toHaveLength(1);
    });

    it('should the stream exist after all: the append is refused and the command decided again on what it holds', async () => {
      await runner.run(strict, 'flag-12', { flag: true }, envelope());
      // `strict` refuses false on a stream that has a flag: only a decision on the stream read can say so.
      const refused = await runner.run(strict, 'flag-12', { flag: false }, envelope(), { newStream: true }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'DateOfBirthInFuture' });
      const landed = await runner.run(strict, 'flag-12', { flag: true }, envelope(), { newStream: true });
      expect(landed).toMatchObject({ state: 2, revision: 1 });
      expect(await store.readStream('flag-12')).toHaveLength(2);
    });

    it('with an Idempotency-Key the stream is read: a retry answers as the first time and appends nothing', async () => {
      const first = await runner.run(flags, 'flag-13', { flag: true }, retryable('same'), { newStream: true });
      const again = await runner.run(flags, 'flag-13', { flag: true }, retryable('same'), { newStream: true });
      expect(again).toMatchObject({ revision: first.revision, position: first.position });
      expect(await store.readStream('flag-13')).toHaveLength(1);
    });
  });
});
