import { existsSync, readdirSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/**
 * What an acceptance review as a hostile API consumer found (README and OpenAPI as the contract):
 * each answer is the documented one, a refused request appends nothing, and nothing it let through
 * breaks a projection afterwards.
 */
describe('Acceptance review: hostile input gets the documented answers', () => {
  jest.setTimeout(120_000);
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;
  let userId: string;
  let clientId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId, userId } = await practiceSession());
    clientId = (await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Ann', lastName: 'Bee' })).body.clientId;
  });

  afterAll(async () => app.destroy());

  const refusedWithNothingAppended = async (send: () => PromiseLike<{ status: number; headers: Record<string, string>; body: any }>, status: number, code: string, pointer: string) => {
    const before = await app.runtime.eventStore.headPosition();
    const response = await send();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
  };

  it('refuses an appointment in the year 0 (422 InvalidDateTime) instead of accepting one the reports projection cannot place', async () => {
    const book = (start: string) =>
      app.http().post(`/practices/${practiceId}/charts/${clientId}/appointments`).set(auth).send({ start, durationMinutes: 50, practitionerId: userId });
    await refusedWithNothingAppended(() => book('0000-01-01T00:00:00Z'), 422, 'InvalidDateTime', '/start');
    await refusedWithNothingAppended(() => book('0999-06-01T10:00:00+02:00'), 422, 'InvalidDateTime', '/start');
    const booked = await book('2026-06-01T10:00:00+02:00');
    expect(booked.status).toBe(201);
    const health = await app.http().get('/health').set('X-Consistency-Token', booked.headers['x-consistency-token']);
    expect(health.body.projector.parked).toBe(0);
  });

  it('refuses NUL and other control characters in any text (400 naming the field), keeps line breaks in a note', async () => {
    const post = (path: string, body: string) => app.http().post(path).set(auth).set('Content-Type', 'application/json').send(body);
    await refusedWithNothingAppended(() => post(`/practices/${practiceId}/clients`, '{"firstName":"a\\u0000b","lastName":"Bee"}'), 400, 'ValidationFailed', '/firstName');
    await refusedWithNothingAppended(() => post(`/practices/${practiceId}/tags`, '{"name":"\\u001b[31mred"}'), 400, 'ValidationFailed', '/name');
    await refusedWithNothingAppended(() => post('/practices', '{"name":"x\\u0007"}'), 400, 'ValidationFailed', '/name');
    const note = await post(`/practices/${practiceId}/charts/${clientId}/notes`, JSON.stringify({ body: 'Line 1\r\n\tLine 2 \u200f😀' }));
    expect(note.status).toBe(201);
  });

  it('refuses a body whose bytes are not UTF-8 as 400 MalformedJson, instead of storing U+FFFD', async () => {
    // Raw bytes, as a client sends them (supertest would serialize a Buffer as JSON).
    const send = (payload: Buffer) =>
      app.app.getHttpAdapter().getInstance().inject({
        method: 'POST',
        url: `/practices/${practiceId}/clients`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload,
      });
    const before = await app.runtime.eventStore.headPosition();
    const refused = await send(Buffer.concat([Buffer.from('{"firstName":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b","lastName":"Bee"}')]));
    expect({ status: refused.statusCode, code: refused.json().code }).toEqual({ status: 400, code: 'MalformedJson' });
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
    expect((await send(Buffer.from('{"firstName":"Zoë","lastName":"Bee"}'))).statusCode).toBe(201);
  });

  it('refuses a consistency token past the end of the log at once (400 InvalidConsistencyToken), as no command returned it', async () => {
    const created = await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Read', lastName: 'Own' });
    const own = await app.http().get(`/practices/${practiceId}/clients`).set(auth).set('X-Consistency-Token', created.headers['x-consistency-token']);
    expect(own.status).toBe(200);
    const ahead = await app.http().get(`/practices/${practiceId}/clients`).set(auth).set('X-Consistency-Token', '999999999');
    expect({ status: ahead.status, code: ahead.body.code, header: ahead.body.errors?.[0]?.header }).toEqual({
      status: 400,
      code: 'InvalidConsistencyToken',
      header: 'X-Consistency-Token',
    });
  });

  it('refuses an upload with a second file or another field (400 FileRequired, as the README says), keeping nothing', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const files = `/practices/${practiceId}/charts/${clientId}/files`;
    const blobCount = (): number => (existsSync(join(app.dataDir, 'blobs')) ? readdirSync(join(app.dataDir, 'blobs'), { recursive: true }).filter((name) => /[0-9a-f]{64}$/.test(String(name))).length : 0);
    const upload = () => app.http().post(files).set(auth).attach('file', pdf, { filename: 'a.pdf', contentType: 'application/pdf' });
    await refusedWithNothingAppended(() => upload().attach('file', pdf, { filename: 'b.pdf', contentType: 'application/pdf' }), 400, 'FileRequired', '/file');
    await refusedWithNothingAppended(() => upload().field('note', 'after the file'), 400, 'FileRequired', '/file');
    await refusedWithNothingAppended(
      () => app.http().post(files).set(auth).field('note', 'before the file').attach('file', pdf, { filename: 'a.pdf', contentType: 'application/pdf' }),
      400,
      'FileRequired',
      '/file',
    );
    expect(blobCount()).toBe(0);
    expect((await upload()).status).toBe(201);
    expect(blobCount()).toBe(1);
  });

  it('refuses report dates outside the years 1900 to 9998 with 422 InvalidReportParameter (year 0 and 9999 were 500; 9999 by week ran the server out of memory)', async () => {
    for (const query of ['from=0000-01-01&to=0000-12-31', 'from=9999-12-01&to=9999-12-31', 'from=9999-12-31&to=9999-12-31&granularity=week']) {
      const answer = await app.http().get(`/practices/${practiceId}/reports/new-clients?${query}`).set(auth);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({ query, status: 422, code: 'InvalidReportParameter' });
    }
  });

  it('honours q=0 in Accept: a report or an export is not CSV when the client refuses text/csv', async () => {
    const report = await app.http().get(`/practices/${practiceId}/reports/new-clients?from=2026-01-01&to=2026-01-31`).set(auth).set('Accept', 'text/csv;q=0, application/json');
    expect(report.headers['content-type']).toMatch(/^application\/json/);
    const exportAs = (accept: string) =>
      app.http().get(`/practices/${practiceId}/exports/clients?limit=1`).set(auth).set('Accept', accept).buffer(true).parse((res, callback) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => callback(null, text));
      });
    const exported = await exportAs('text/csv;q=0, application/x-ndjson;q=0.5');
    expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const csv = await exportAs('text/csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
  });

  it('answers 406 NotAcceptable when Accept refuses every type of a report, an export or the superbill (the refused default was answered), recording no read', async () => {
    const reads = async () => (await app.http().get(`/practices/${practiceId}/report-reads?limit=500`).set(auth)).body.items.length;
    const audits = async () => (await app.http().get(`/practices/${practiceId}/audit/exports?limit=500`).set(auth)).body.items.length;
    const [readsBefore, auditsBefore] = [await reads(), await audits()];
    for (const [path, accept] of [
      [`/reports/new-clients?from=2026-01-01&to=2026-01-31`, 'application/json;q=0'],
      [`/reports/new-clients?from=2026-01-01&to=2026-01-31`, 'application/json;q=0, text/csv;q=0'],
      [`/exports/clients?limit=1`, 'application/x-ndjson;q=0'],
      [`/charts/${clientId}/superbill?from=2026-01-01&to=2026-01-31`, 'application/json;q=0, application/pdf;q=0'],
      [`/charts/${clientId}/superbill?from=2026-01-01&to=2026-01-31`, '*/*;q=0'],
    ]) {
      const answer = await app.http().get(`/practices/${practiceId}${path}`).set(auth).set('Accept', accept);
      expect({ path, accept, status: answer.status, code: answer.body.code, header: answer.body.errors?.[0]?.header }).toEqual({ path, accept, status: 406, code: 'NotAcceptable', header: 'Accept' });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect([await reads(), await audits()]).toEqual([readsBefore, auditsBefore]);
    // A wildcard still accepts the other type: the PDF, when JSON is refused.
    const pdf = await app.http().get(`/practices/${practiceId}/charts/${clientId}/superbill?from=2026-01-01&to=2026-01-31`).set(auth).set('Accept', 'application/json;q=0, */*');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
  });

  it('documents the first date the superbill period and the report range take (1900-01-01) in the OpenAPI document', async () => {
    const document = (await app.http().get('/docs/openapi.json')).body;
    const query = (path: string) => document.paths[path].get.parameters.filter((p: { in: string }) => p.in === 'query');
    const descriptions = (path: string) => query(path).filter((p: { name: string }) => p.name === 'from' || p.name === 'to').map((p: { description: string }) => p.description);
    for (const description of descriptions('/practices/{practiceId}/charts/{chartId}/superbill')) expect(description).toContain('from 1900-01-01 on');
    for (const description of descriptions('/practices/{practiceId}/reports/{name}')) expect(description).toContain('years 1900 to 9998');
    expect(document.paths['/practices/{practiceId}/charts/{chartId}/superbill'].get.responses['422'].description).toContain('1900-01-01');
  });

  it('refuses an Authorization header with more than "Bearer <token>" (401, as any malformed credential)', async () => {
    const token = auth.Authorization.slice('Bearer '.length);
    expect((await app.http().get('/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    const trailing = await app.http().get('/me').set('Authorization', `Bearer ${token} ${token}`);
    expect({ status: trailing.status, code: trailing.body.code }).toEqual({ status: 401, code: 'Unauthorized' });
  });

  describe('requests Node\'s HTTP parser refuses, sent as raw bytes (before any route)', () => {
    let port: number;
    beforeAll(async () => {
      await app.app.listen(0, '127.0.0.1');
      port = (app.app.getHttpServer().address() as AddressInfo).port;
    });

    /** The status line, headers and body of the answer to raw request bytes. */
    const raw = (request: string) =>
      new Promise<{ status: number; headers: Record<string, string>; body: any }>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(request));
        let text = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => (text += chunk));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          const [head, body = ''] = text.split('\r\n\r\n');
          const [statusLine, ...lines] = head.split('\r\n');
          if (!statusLine) return reject(new Error('no answer'));
          const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
          resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body ? JSON.parse(body) : undefined });
        });
      });

    it('a query string past the limit is 414 UriTooLong, a problem like every other answer (was 431 application/json)', async () => {
      const answer = await raw(`GET /practices/${practiceId}/clients?search=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth.Authorization}\r\n\r\n`);
      expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: 414, code: 'UriTooLong' });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('headers past the limit and an unknown method are 400 BadRequest problems (were application/json)', async () => {
      const headers = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect({ status: headers.status, code: headers.body?.code }).toEqual({ status: 400, code: 'BadRequest' });
      expect(headers.headers['content-type']).toMatch(/^application\/problem\+json/);
      const method = await raw('FOO /health HTTP/1.1\r\nHost: x\r\n\r\n');
      expect({ status: method.status, code: method.body?.code }).toEqual({ status: 400, code: 'BadRequest' });
      expect(method.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  it('counts an emoji in a name as one character, as the OpenAPI maxLength does (200; 60 for tags)', async () => {
    const emoji = (n: number) => '😀'.repeat(n);
    const created = await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: emoji(150), lastName: 'Bee' });
    expect(created.status).toBe(201);
    const chart = await app.http().get(`/practices/${practiceId}/charts/${created.body.clientId}`).set(auth);
    expect(chart.body.profile.firstName).toBe(emoji(150));
    expect((await app.http().post(`/practices/${practiceId}/tags`).set(auth).send({ name: emoji(60) })).status).toBe(201);
    expect((await app.http().patch('/me').set(auth).send({ firstName: emoji(200) })).status).toBe(200);
    expect((await app.http().post('/practices').set(auth).send({ name: emoji(200) })).status).toBe(201);
    const task = await app.http().post(`/practices/${practiceId}/charts/${clientId}/tasks`).set(auth).send({ title: emoji(200), dueDate: '2026-01-01' });
    expect(task.status).toBe(201);
    await refusedWithNothingAppended(
      () => app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: emoji(201), lastName: 'Bee' }),
      400,
      'ValidationFailed',
      '/firstName',
    );
  });
});
