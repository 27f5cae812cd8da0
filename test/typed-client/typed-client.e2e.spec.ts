import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';
import { typedClientFlow } from './flow';

/**
 * The typed-client gate: a program on openapi-fetch, typed by openapi-typescript from the document the
 * app serves, runs the first steps of a consumer without a single cast, against the app.
 */
describe('A client generated from the OpenAPI document', () => {
  let app: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.destroy());

  it('runs sign-up, sign-in, practice, client, list, chart and history, typed end to end', async () => {
    const result = await typedClientFlow(baseUrl, `typed.${process.pid}.${Date.now()}@example.com`);
    expect(result.listed).toEqual(['Grace Hopper']);
    expect(result.nextCursor).toBeNull();
    expect(result.chartKind).toBe('individual');
    expect(result.etag).toBe(`"${result.chartRevision}"`);
    expect(result.events[0]).toBe('ClientCreated');
  });

  it('has no cast in its program', () => {
    const source = readFileSync(join(__dirname, 'flow.ts'), 'utf8');
    // No `x as T` and no non-null assertion `x!.` / `x!)`.
    expect(source).not.toMatch(/\bas\s+[A-Za-z{[(]|[\w\])]!\s*[.)]/);
  });
});
