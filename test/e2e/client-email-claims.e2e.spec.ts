import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { type RecordedEvent, type ChartEvent, type ReservationEvent, eventCodec, chartStream, streamCategory, streamIdOf, userStream } from '@practice/events';
import { chartDecider, userDecider, normalizeEmail, ABANDONED_AFTER_MS, reservationDecider, type ReservationState } from '@practice/domain';
import { CommandRunner } from '../../apps/command-api/src/application/command-runner';
import { commandEnvelope } from '../../apps/command-api/src/application/command-envelope';
import { EmailReservations, emailReservationStream } from '../../apps/command-api/src/application/email-reservations';
import { LOGIN_SCOPE_ID } from '../../apps/command-api/src/auth/sign-up.handler';
import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';
import { seededRandom } from '../support/seeded-random';

/**
 * The seed's rule, "the same email address cannot be used for multiple client records", held exactly:
 * an address is claimed if and only if a live client record holds it, whatever the interleaving of
 * concurrent email changes, creations and deletions, and whichever step a command died at.
 */
describe('Client email claims under concurrency and crashes (embedded default)', () => {
  jest.setTimeout(120_000);
  let app: TestApp;
  let http: () => ReturnType<typeof request>;
  let auth: { Authorization: string };
  let userId: string;
  let practiceId: string;
  let runner: CommandRunner;
  let reservations: EmailReservations;

  beforeAll(async () => {
    app = await startTestApp();
    // One listening socket for the many requests sent at once.
    const server = app.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    http = () => request(`http://127.0.0.1:${port}`);
    ({ auth, userId } = await signedInUser(app));
    practiceId = await createdPractice(app, auth);
    runner = new CommandRunner(app.runtime.eventStore, eventCodec);
    reservations = new EmailReservations(runner);
  });

  afterAll(async () => app.destroy());

  const url = (path: string): string => `/practices/${practiceId}${path}`;
  const createClient = (firstName: string, email: string | null) =>
    http().post(url('/clients')).set(auth).send({ firstName, lastName: 'Claim', ...(email === null ? {} : { email }) });
  const editEmail = (clientId: string, email: string | null) =>
    http().put(url(`/clients/${clientId}/profile`)).set(auth).send({ firstName: 'Edited', lastName: 'Claim', email });
  const deleteClient = (clientId: string) => http().delete(url(`/clients/${clientId}`)).set(auth);
  const created = async (firstName: string, email: string | null): Promise<string> => {
    const response = await createClient(firstName, email);
    expect(response.status).toBe(201);
    return response.body.clientId;
  };
  const envelopeAt = (commandType: string, now = new Date()) => commandEnvelope({ commandType, actorUserId: userId, practiceId, now });

  /** Client charts and reservation streams of the practice, folded from the whole log. */
  const readLog = async () => {
    const streams = new Map<string, RecordedEvent[]>();
    for (const event of await app.runtime.eventStore.readAll()) {
      streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
    }
    const charts = new Map<string, ReturnType<typeof chartDecider.initialState>>();
    const claims = new Map<string, ReservationState>();
    for (const [streamId, events] of streams) {
      if (streamCategory(streamId) === 'chart') {
        const state = (events as unknown as ChartEvent[]).reduce(chartDecider.evolve, chartDecider.initialState());
        if (state.status !== 'none' && state.practiceId === practiceId) charts.set(streamIdOf(streamId), state);
      }
      if (streamCategory(streamId) === 'reservation') {
        claims.set(streamId, (events as unknown as ReservationEvent[]).reduce(reservationDecider.evolve, reservationDecider.initialState()));
      }
    }
    return { charts, claims };
  };

  /**
   * The invariant over the whole log: no two live clients hold one address; each held address is
   * claimed by the client holding it; (with `noLeftovers`, after commands that all ran to their end)
   * no address of `pool` is claimed without being held; and every address of `pool` nobody holds can be
   * given to a new client.
   */
  const expectInvariant = async (pool: readonly string[], options: { noLeftovers: boolean }) => {
    const { charts, claims } = await readLog();
    const holders = new Map<string, string[]>();
    for (const [chartId, chart] of charts) {
      if (chart.status !== 'open' || chart.email === null) continue;
      const address = normalizeEmail(chart.email);
      holders.set(address, [...(holders.get(address) ?? []), chartId]);
    }
    for (const [address, chartIds] of holders) {
      expect({ address, chartIds }).toEqual({ address, chartIds: [chartIds[0]] });
      const claim = claims.get(emailReservationStream('client-email', practiceId, address));
      expect({ address, claimedBy: claim?.status === 'held' ? claim.ownerId : null }).toEqual({ address, claimedBy: chartIds[0] });
    }
    const free = [...new Set(pool.map(normalizeEmail))].filter((address) => !holders.has(address));
    if (options.noLeftovers) {
      const leftovers = free.filter((address) => claims.get(emailReservationStream('client-email', practiceId, address))?.status === 'held');
      expect(leftovers).toEqual([]);
    }
    for (const address of free) {
      const response = await createClient('Free', address.toUpperCase());
      expect({ address, status: response.status }).toEqual({ address, status: 201 });
    }
  };

  it('two concurrent edits of one client: the address that lost is free again', async () => {
    for (let round = 0; round < 3; round += 1) {
      const p = `p.${round}@race.example`;
      const q = `q.${round}@race.example`;
      const clientId = await created(`Race${round}`, `start.${round}@race.example`);
      const answers = await Promise.all([editEmail(clientId, p), editEmail(clientId, q)]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const { charts } = await readLog();
      const final = (charts.get(clientId) as { email: string }).email;
      const lost = final === p ? q : p;
      expect((await createClient('Other', lost)).status).toBe(201);
      expect((await createClient('Other', final)).status).toBe(409);
      expect((await createClient('Other', `start.${round}@race.example`)).status).toBe(201);
    }
  });

  it('fifty concurrent email edits of one client leave exactly one address claimed', async () => {
    const clientId = await created('Fifty', 'fifty.start@race.example');
    const pool = Array.from({ length: 50 }, (_, i) => `fifty.${i}@race.example`);
    const answers = await Promise.all(pool.map((address) => editEmail(clientId, address)));
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    // Those refused lost to the others' writes, never to a claim.
    for (const answer of answers.filter((a) => a.status === 409)) expect(answer.body.code).toBe('ConcurrentModification');
    await expectInvariant([...pool, 'fifty.start@race.example'], { noLeftovers: true });
  });

  it('concurrent email changes, creations and deletions keep the invariant over the whole log', async () => {
    // mulberry32: the same operations on every run (the interleaving is the event loop's).
    const next = seededRandom(9);
    const random = (n: number): number => Math.floor(next() * n);
    for (let round = 0; round < 3; round += 1) {
      // More addresses than clients, so that emails move; few clients, so that edits of one client meet.
      const pool = Array.from({ length: 40 }, (_, i) => `mix.${round}.${i}@claims.example`);
      const anyCase = (address: string): string => (random(2) === 0 ? address : address.toUpperCase());
      const clients: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const response = await createClient(`Mix${i}`, i < 6 ? pool[i] : null);
        expect(response.status).toBe(201);
        clients.push(response.body.clientId);
      }
      // 40 edits of clients 0-5, 16 creations, 4 deletions of clients 4-7 (some deleted while being edited).
      const operations = Array.from({ length: 60 }, (_, i) => {
        const kind = i % 15;
        if (kind < 10) return () => editEmail(clients[random(6)], random(10) === 0 ? null : anyCase(pool[random(pool.length)]));
        if (kind < 14) return () => createClient(`New${i}`, anyCase(pool[random(pool.length)]));
        return () => deleteClient(clients[4 + random(4)]);
      });
      const answers = await Promise.all(operations.map((operation) => operation()));
      for (const answer of answers) expect([200, 201, 404, 409]).toContain(answer.status);
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(10);
      await expectInvariant(pool, { noLeftovers: true });
    }
  });

  describe('a command that died at any step leaves no claim that outlives it', () => {
    it('an edit that died after its claim, once the chart moved on: the next claimant takes the address at once', async () => {
      const clientId = await created('Died', 'died.before@crash.example');
      const { revision } = await runner.load(chartDecider, chartStream(clientId));
      await reservations.reserve('client-email', practiceId, 'died.claimed@crash.example', clientId, revision, envelopeAt('EditClientProfile'));
      // While the chart is still at the revision the claim names, the edit may still write it.
      expect((await createClient('Next', 'died.claimed@crash.example')).status).toBe(409);
      // Any later change of the chart makes that write impossible.
      expect((await editEmail(clientId, 'died.before@crash.example')).status).toBe(200);
      expect((await createClient('Next', 'DIED.claimed@crash.example')).status).toBe(201);
    });

    it('an edit that died after its claim, with the chart untouched: taken over once the grace has passed', async () => {
      const clientId = await created('Stuck', 'stuck.before@crash.example');
      const { revision } = await runner.load(chartDecider, chartStream(clientId));
      await reservations.reserve('client-email', practiceId, 'stuck.claimed@crash.example', clientId, revision, envelopeAt('EditClientProfile'));
      const otherId = await created('Other', null);
      const soon = envelopeAt('CreateClient', new Date(Date.now() + 1_000));
      await expect(reservations.reserve('client-email', practiceId, 'stuck.claimed@crash.example', otherId, -1, soon)).rejects.toMatchObject({
        code: 'EmailAlreadyInUse',
      });
      const later = envelopeAt('CreateClient', new Date(Date.now() + ABANDONED_AFTER_MS + 1_000));
      await reservations.reserve('client-email', practiceId, 'stuck.claimed@crash.example', otherId, -1, later);
      expect((await reservations.findHolder('client-email', practiceId, 'stuck.claimed@crash.example', clientId)).status).toBe('does-not-hold');
    });

    it('an edit that died after its chart write, before releasing the old address', async () => {
      const clientId = await created('Moved', 'moved.old@crash.example');
      const { revision } = await runner.load(chartDecider, chartStream(clientId));
      const envelope = envelopeAt('EditClientProfile');
      await reservations.reserve('client-email', practiceId, 'moved.new@crash.example', clientId, revision, envelope);
      await runner.run(
        chartDecider,
        chartStream(clientId),
        { type: 'EditClientProfile', chartId: clientId, practiceId, firstName: 'Moved', lastName: 'Claim', email: 'moved.new@crash.example', phone: null, gender: null, location: null },
        envelope,
        { expectedRevision: revision },
      );
      expect((await createClient('Next', 'moved.old@crash.example')).status).toBe(201);
      expect((await createClient('Next', 'moved.new@crash.example')).status).toBe(409);
    });

    it('a delete that died before releasing the address', async () => {
      const clientId = await created('Gone', 'gone@crash.example');
      await runner.run(chartDecider, chartStream(clientId), { type: 'DeleteClient', chartId: clientId, practiceId }, envelopeAt('DeleteClient'));
      expect((await createClient('Next', 'gone@crash.example')).status).toBe(201);
    });

    it('a claim leaked before claims named a revision (existing data) is taken over', async () => {
      const clientId = await created('Legacy', 'legacy.now@crash.example');
      const streamId = emailReservationStream('client-email', practiceId, 'legacy.old@crash.example');
      const leaked: ReservationEvent = {
        type: 'EmailReserved',
        data: { reservationId: streamId, scope: 'client-email', ownerId: clientId, reservedAt: new Date(Date.now() - 3_600_000).toISOString() },
      };
      await runner.run({ ...reservationDecider, decide: () => [leaked] }, streamId, null, envelopeAt('EditClientProfile'));
      expect((await createClient('Next', 'legacy.old@crash.example')).status).toBe(201);
    });
  });

  describe('login emails follow the same rule', () => {
    it('two concurrent changes of a login email: the address that lost can sign up, the old one no longer signs in', async () => {
      const user = await signedInUser(app, 'Lena');
      const p = `lena.p.${Date.now()}@login.example`;
      const q = `lena.q.${Date.now()}@login.example`;
      const answers = await Promise.all([
        http().put('/me/email').set(user.auth).send({ email: p }),
        http().put('/me/email').set(user.auth).send({ email: q }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const events = await app.runtime.eventStore.readStream(userStream(user.userId));
      const final = (events.filter((e) => e.type === 'UserEmailChanged').pop()!.data as { email: string }).email;
      const lost = final === p ? q : p;
      const password = 'correct horse battery staple';
      expect((await http().post('/auth/sign-in').send({ email: user.email, password })).status).toBe(401);
      expect((await http().post('/auth/sign-in').send({ email: final, password })).status).toBe(200);
      const signUp = await http().post('/auth/sign-up').send({ email: lost, password, firstName: 'New', lastName: 'User' });
      expect(signUp.status).toBe(201);
      expect((await http().post('/auth/sign-up').send({ email: user.email, password, firstName: 'Old', lastName: 'Address' })).status).toBe(201);
    });

    it('a login email change that died before releasing the old address: it no longer signs in, and can be signed up', async () => {
      const user = await signedInUser(app, 'Cora');
      const runnerState = await runner.load(userDecider, userStream(user.userId));
      const next = `cora.next.${Date.now()}@login.example`;
      const envelope = commandEnvelope({ commandType: 'ChangeEmail', actorUserId: user.userId, practiceId: null });
      await reservations.reserve('login-email', LOGIN_SCOPE_ID, next, user.userId, runnerState.revision, envelope);
      await runner.run(userDecider, userStream(user.userId), { type: 'ChangeEmail', email: next }, envelope, { expectedRevision: runnerState.revision });
      const password = 'correct horse battery staple';
      expect(await reservations.holderOf('login-email', LOGIN_SCOPE_ID, user.email)).toBeUndefined();
      expect((await http().post('/auth/sign-in').send({ email: user.email, password })).status).toBe(401);
      expect((await http().post('/auth/sign-up').send({ email: user.email, password, firstName: 'Other', lastName: 'User' })).status).toBe(201);
    });
  });
});
