import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import * as passwordHasher from '../../apps/command-api/src/infrastructure/password-hasher';
import { MongoTestServer } from '../support/mongo-test-server';
import { newDataDir, signedInUser, startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';
const mongo = new MongoTestServer();

const engines: ReadonlyArray<[string, () => Promise<TestApp>]> = [
  ['SQLite credential store', () => startTestApp()],
  [
    'MongoDB credential store (wire-protocol test server)',
    async () => {
      const { port } = await mongo.start();
      return startTestApp(newDataDir(), {
        MONGODB_URL: `mongodb://127.0.0.1:${port}/practice_burst?directConnection=true`,
        EMBEDDED_PROJECTOR: 'true',
        TOKEN_SECRET: 'a-test-secret-that-is-long-enough-for-hs256-0123456789',
        SECRETS_KEY: randomBytes(32).toString('base64'),
      });
    },
  ],
];

/**
 * The sign-in lockout holds however many attempts arrive at once: each password check takes its slot
 * before it is made, so an address gets at most five checks in its window.
 */
describe.each(engines)('Sign-in attempts that arrive together (%s)', (_engine, start) => {
  jest.setTimeout(60_000);
  let app: TestApp;
  let http: () => ReturnType<typeof request>;
  let checks: jest.SpyInstance;

  beforeAll(async () => {
    app = await start();
    const server = app.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    http = () => request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  afterAll(async () => {
    await app.destroy();
    await mongo.stop();
  });

  beforeEach(() => {
    checks = jest.spyOn(passwordHasher, 'verifyPassword');
  });

  afterEach(() => checks.mockRestore());

  const burst = (email: string, passwords: readonly string[]) =>
    Promise.all(passwords.map((password) => http().post('/auth/sign-in').send({ email, password })));
  const wrong = (n: number): string[] => Array.from({ length: n }, (_, i) => `wrong password ${i}`);

  const expectRefusals = (answers: readonly request.Response[]) => {
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      expect(refused.body.code).toBe('SignInLocked');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
  };

  it('fifty wrong passwords at once: five are checked, the rest refused, and then the right one is refused too', async () => {
    const user = await signedInUser(app, 'Burst');
    checks.mockClear();
    const answers = await burst(user.email, wrong(50));
    expect(checks).toHaveBeenCalledTimes(5);
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(45);
    expectRefusals(answers);

    const right = await http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD });
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(checks).toHaveBeenCalledTimes(5);
  });

  it('wrong passwords and the right one at once: at most five checks, and the right one gets in only as one of them', async () => {
    const user = await signedInUser(app, 'Mixed');
    checks.mockClear();
    const answers = await burst(user.email, [...wrong(49), PASSWORD]);
    const checked = answers.filter((answer) => answer.status !== 429);
    expect(checks.mock.calls.length).toBeLessThanOrEqual(5);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.length).toBe(checks.mock.calls.length);
    expectRefusals(answers);
    const right = answers[answers.length - 1];
    expect([200, 429]).toContain(right.status);
    if (right.status === 429) {
      // The window is used up: the right password does not get in either.
      expect((await http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD })).status).toBe(429);
    }
  });

  it('an unknown email gets the same: five checks, then refusals', async () => {
    checks.mockClear();
    const answers = await burst(`nobody.${Date.now()}@example.com`, wrong(50));
    expect(checks).toHaveBeenCalledTimes(5);
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(5).fill(401), ...Array(45).fill(429)]);
    expectRefusals(answers);
  });
});
