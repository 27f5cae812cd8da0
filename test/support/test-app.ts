import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../apps/command-api/src/config';
import { createRuntime, type Runtime } from '../../apps/command-api/src/bootstrap/runtime';
import { buildOpenApiDocument } from '../../apps/command-api/src/http/openapi';
import { checkedAgent, OpenApiConformance } from './openapi-conformance';
import { createApp, type AppOptions } from '../../apps/command-api/src/bootstrap/create-app';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly runtime: Runtime;
  readonly dataDir: string;
  readonly http: () => ReturnType<typeof request>;
  /** Closes the app; the data directory stays for a restart. */
  stop(): Promise<void>;
  /** Closes the app and removes its data directory. */
  destroy(): Promise<void>;
}

export const newDataDir = (): string => mkdtempSync(join(tmpdir(), 'practice-core-'));

/** The real application on the embedded default (SQLite + in-memory read models) in a temp directory. */
export const startTestApp = async (dataDir = newDataDir(), env: NodeJS.ProcessEnv = {}, options: AppOptions = {}): Promise<TestApp> => {
  const config = loadConfig({
    DATA_DIR: dataDir,
    TOKEN_TTL_SECONDS: '600',
    CONSISTENCY_WAIT_MS: '3000',
    // Quiet unless asked for (LOG_LEVEL=debug npm test).
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    // The outbox appends message and timer events in the background, which would move the log under
    // specs that check "nothing appended": it runs when a spec asks (MESSAGES_ENABLED, or an SMTP_URL).
    MESSAGES_ENABLED: env.SMTP_URL ? 'true' : 'false',
    ...env,
  });
  const runtime = await createRuntime(config);
  const app = await createApp(runtime, options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  // Every answer a suite receives is checked against the document the app serves.
  const conformance = new OpenApiConformance(buildOpenApiDocument(app));
  const stop = async (): Promise<void> => {
    conformance.report();
    await app.close();
    await runtime.close();
  };
  return {
    app,
    runtime,
    dataDir,
    http: () => checkedAgent(request(server), conformance),
    stop,
    destroy: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

let counter = 0;

/** Signs up a new user and signs them in; returns the user id and a ready Authorization header. */
export const signedInUser = async (
  testApp: TestApp,
  name = 'Ada',
): Promise<{ userId: string; auth: { Authorization: string }; email: string }> => {
  counter += 1;
  const email = `${name.toLowerCase()}.${process.pid}.${counter}.${Date.now()}@example.com`;
  const password = 'correct horse battery staple';
  const signUp = await testApp.http().post('/auth/sign-up').send({ email, password, firstName: name, lastName: 'Tester' });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  const signIn = await testApp.http().post('/auth/sign-in').send({ email, password });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status}`);
  return { userId: signUp.body.userId, auth: { Authorization: `Bearer ${signIn.body.accessToken}` }, email };
};

export const createdPractice = async (testApp: TestApp, auth: { Authorization: string }, name = 'Calm Minds'): Promise<string> => {
  const response = await testApp.http().post('/practices').set(auth).send({ name });
  if (response.status !== 201) throw new Error(`create practice failed: ${response.status}`);
  return response.body.practiceId;
};

type Headers = Record<string, string>;

export const tokenOf = (response: { headers: Record<string, string> }): string => response.headers['x-consistency-token'];

/**
 * Requests under `/practices/{practiceId}` as one signed-in user. The getters are read at call time,
 * so a spec can build this before its beforeAll has signed in.
 */
export const practiceRequests = (session: () => { app: TestApp; auth: Headers; practiceId: string }) => {
  const url = (path: string): string => `/practices/${session().practiceId}${path}`;
  const as = () => ({ http: session().app.http(), auth: session().auth });
  return {
    url,
    post: (path: string, body: object = {}, headers: Headers = {}) => as().http.post(url(path)).set(as().auth).set(headers).send(body),
    put: (path: string, body: object, headers: Headers = {}) => as().http.put(url(path)).set(as().auth).set(headers).send(body),
    del: (path: string) => as().http.delete(url(path)).set(as().auth),
    get: (path: string, token?: string) => as().http.get(url(path)).set(as().auth).set(token ? { 'X-Consistency-Token': token } : {}),
  };
};
