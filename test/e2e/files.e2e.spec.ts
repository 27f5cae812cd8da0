import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { Response } from 'supertest';
import { MongoTestServer } from '../support/mongo-test-server';
import { createdPractice, newDataDir, signedInUser, startTestApp, type TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** Enough of each type for its magic number: what a browser would send. */
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200, 0x41)]);
const TEXT = Buffer.from('Homework: three breathing exercises a day.\nZoë\n', 'utf8');
const FILE_LIMIT = 100 * 1024;

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Every file under a directory (blobs and temp files alike). */
const filesUnder = (root: string): string[] =>
  readdirSync(root, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(root, entry.name)) : [join(root, entry.name)]));

/** Reads a binary answer into a Buffer (supertest leaves unknown types unread). */
const bytes = (res: Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('Files on client charts (embedded default: file system blob store)', () => {
  let app: TestApp;
  let owner: { userId: string; auth: Auth };
  let practice: string;
  let chart: string;
  let other: { auth: Auth };
  let otherPractice: string;
  let otherChart: string;
  const roles: Record<string, { userId: string; auth: Auth }> = {};

  const files = (practiceId = practice, chartId = chart) => `/practices/${practiceId}/charts/${chartId}/files`;
  const upload = (auth: Auth, content: Buffer, filename: string, contentType: string, path = files()) =>
    app.http().post(path).set(auth).attach('file', content, { filename, contentType });
  const head = () => app.runtime.eventStore.headPosition();
  const blobsDir = () => join(app.dataDir, 'blobs');

  beforeAll(async () => {
    app = await startTestApp(undefined, { FILE_LIMIT: String(FILE_LIMIT) });
    owner = await signedInUser(app, 'Olive');
    practice = await createdPractice(app, owner.auth, 'Calm Minds');
    chart = (await app.http().post(`/practices/${practice}/clients`).set(owner.auth).send({ firstName: 'Grace', lastName: 'Hopper' })).body.clientId;
    other = await signedInUser(app, 'Oscar');
    otherPractice = await createdPractice(app, other.auth, 'Elsewhere');
    otherChart = (await app.http().post(`/practices/${otherPractice}/clients`).set(other.auth).send({ firstName: 'Ann', lastName: 'Other' })).body.clientId;
    for (const role of ['clinician', 'biller', 'scheduler']) {
      const member = await signedInUser(app, role);
      const invited = await app.http().post(`/practices/${practice}/invitations`).set(owner.auth).send({ email: member.email, role });
      await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(member.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
      roles[role] = member;
    }
  });

  afterAll(async () => app.destroy());

  it('uploads, lists, downloads and deletes a document', async () => {
    const uploaded = await upload(owner.auth, PDF, 'Intake form – Zoë.pdf', 'application/pdf').set('Idempotency-Key', 'intake-1');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ chartId: chart, fileName: 'Intake form – Zoë.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256Of(PDF), revision: 0 });
    const { fileId } = uploaded.body;
    expect(uploaded.headers.location).toBe(`${files()}/${fileId}`);
    expect(uploaded.headers.etag).toBe('"0"');

    // A retry with the same key and file answers the same and appends nothing.
    const position = await head();
    const retried = await upload(owner.auth, PDF, 'Intake form – Zoë.pdf', 'application/pdf').set('Idempotency-Key', 'intake-1');
    expect(retried.body.fileId).toBe(fileId);
    expect(await head()).toBe(position);

    const listed = await app.http().get(files()).set(owner.auth).set('X-Consistency-Token', uploaded.headers['x-consistency-token']);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ chartId: chart, nextCursor: null });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ fileId, fileName: 'Intake form – Zoë.pdf', contentType: 'application/pdf', size: PDF.length, uploadedBy: owner.userId }),
    ]);

    const downloaded = await app.http().get(`${files()}/${fileId}`).set(owner.auth).buffer(true).parse(bytes);
    expect(downloaded.status).toBe(200);
    expect(Buffer.compare(downloaded.body as Buffer, PDF)).toBe(0);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect(downloaded.headers['content-disposition']).toBe(
      `attachment; filename="Intake form _ Zo_.pdf"; filename*=UTF-8''Intake%20form%20%E2%80%93%20Zo%C3%AB.pdf`,
    );
    expect(downloaded.headers['cache-control']).toBe('no-store');
    expect(downloaded.headers['x-content-type-options']).toBe('nosniff');

    const chartDoc = await app.http().get(`/practices/${practice}/charts/${chart}`).set(owner.auth).set('X-Consistency-Token', uploaded.headers['x-consistency-token']);
    expect(chartDoc.body.files).toEqual({ count: 1 });

    const deleted = await app.http().delete(`${files()}/${fileId}`).set(owner.auth).set('If-Match', '"0"');
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ fileId, chartId: chart, revision: 1 });
    expect((await app.http().get(`${files()}/${fileId}`).set(owner.auth)).body.code).toBe('FileNotFound');
    expect((await app.http().delete(`${files()}/${fileId}`).set(owner.auth)).body.code).toBe('FileNotFound');
    const after = await app.http().get(files()).set(owner.auth).set('X-Consistency-Token', deleted.headers['x-consistency-token']);
    expect(after.body.items).toEqual([]);
    // The bytes stay (clinical records are retained; the same bytes may belong to another upload).
    expect(await app.runtime.blobs.exists(sha256Of(PDF))).toBe(true);
  });

  it('records a download, and the list, in the chart read log', async () => {
    const uploaded = await upload(owner.auth, PNG, 'insurance card.png', 'image/png');
    await app.http().get(`${files()}/${uploaded.body.fileId}`).set(roles.biller.auth).buffer(true).parse(bytes).expect(200);
    const reads = await app.http().get(`/practices/${practice}/charts/${chart}/reads?limit=500`).set(owner.auth);
    expect(reads.body.reads).toEqual(expect.arrayContaining([expect.objectContaining({ userId: roles.biller.userId, view: 'file' })]));
  });

  it('stores the same bytes once for two uploads, and keeps plain text', async () => {
    const first = await upload(owner.auth, TEXT, 'notes.txt', 'text/plain');
    const second = await upload(owner.auth, TEXT, 'notes copy.txt', 'text/plain; charset=utf-8');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.fileId).not.toBe(first.body.fileId);
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(filesUnder(blobsDir()).filter((path) => path.endsWith(first.body.sha256))).toHaveLength(1);
    const text = await app.http().get(`${files()}/${second.body.fileId}`).set(owner.auth);
    expect(text.text).toBe(TEXT.toString('utf8'));
  });

  it('pages the list newest first, keyset-paged, and refuses a cursor of another list', async () => {
    const chartId = (await app.http().post(`/practices/${practice}/clients`).set(owner.auth).send({ firstName: 'Page', lastName: 'Turner' })).body.clientId;
    const path = files(practice, chartId);
    const ids: string[] = [];
    let token = '';
    for (const name of ['one.txt', 'two.txt', 'three.txt']) {
      const uploaded = await upload(owner.auth, Buffer.from(`${name}\n`), name, 'text/plain', path);
      ids.push(uploaded.body.fileId);
      token = uploaded.headers['x-consistency-token'];
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Response = await app.http().get(`${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`).set(owner.auth).set('X-Consistency-Token', token);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: { fileId: string }) => item.fileId));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    const whole = await app.http().get(`${path}?limit=500`).set(owner.auth);
    expect(seen).toEqual(whole.body.items.map((item: { fileId: string }) => item.fileId));
    expect([...seen].sort()).toEqual([...ids].sort());
    const foreign = await app.http().get(`/practices/${practice}/charts/${chartId}/reads?limit=1`).set(owner.auth);
    const refused = await app.http().get(`${path}?cursor=${foreign.body.nextCursor}`).set(owner.auth);
    expect([refused.status, refused.body.code]).toEqual([400, 'InvalidCursor']);
  });

  describe('refusals: a problem naming the field, nothing appended, nothing kept', () => {
    const expectNothingKept = async (response: Response, status: number, code: string, before: { position: number; blobs: string[] }) => {
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe(code);
      expect(await head()).toBe(before.position);
      expect(filesUnder(blobsDir()).sort()).toEqual(before.blobs);
      expect(readdirSync(join(blobsDir(), 'tmp'))).toEqual([]);
    };
    const snapshot = async () => ({ position: await head(), blobs: filesUnder(blobsDir()).sort() });

    it('refuses a file over FILE_LIMIT with 413', async () => {
      const before = await snapshot();
      const big = Buffer.concat([PDF, Buffer.alloc(FILE_LIMIT, 0x20)]);
      const response = await upload(owner.auth, big, 'big.pdf', 'application/pdf');
      await expectNothingKept(response, 413, 'FileTooLarge', before);
      expect(response.body).toMatchObject({ maxBytes: FILE_LIMIT, errors: [expect.objectContaining({ pointer: '/file' })] });
    });

    it('refuses bytes of a type not allowed, whatever Content-Type says, and bytes of another type than declared', async () => {
      const before = await snapshot();
      const lying = await upload(owner.auth, EXE, 'report.pdf', 'application/pdf');
      await expectNothingKept(lying, 415, 'UnsupportedFileType', before);
      expect(lying.body.errors).toEqual([expect.objectContaining({ pointer: '/file' })]);
      await expectNothingKept(await upload(owner.auth, PNG, 'scan.pdf', 'application/pdf'), 415, 'UnsupportedFileType', before);
      await expectNothingKept(await upload(owner.auth, Buffer.alloc(0), 'empty.txt', 'text/plain'), 415, 'UnsupportedFileType', before);
    });

    it('refuses an upload without a file part, or with JSON instead', async () => {
      const before = await snapshot();
      const noFile = await app.http().post(files()).set(owner.auth).field('note', 'no file here');
      await expectNothingKept(noFile, 400, 'FileRequired', before);
      expect(noFile.body.errors).toEqual([expect.objectContaining({ pointer: '/file' })]);
      const otherName = await app.http().post(files()).set(owner.auth).attach('document', PDF, { filename: 'a.pdf', contentType: 'application/pdf' });
      await expectNothingKept(otherName, 400, 'FileRequired', before);
      await expectNothingKept(await app.http().post(files()).set(owner.auth).send({ file: 'x' }), 415, 'UnsupportedMediaType', before);
    });

    it("answers 404 for another practice's chart and file, and for an unknown chart", async () => {
      const theirs = await upload(other.auth, PDF, 'theirs.pdf', 'application/pdf', files(otherPractice, otherChart));
      expect(theirs.status).toBe(201);
      const before = await snapshot();
      await expectNothingKept(await upload(owner.auth, PNG, 'x.png', 'image/png', files(practice, otherChart)), 404, 'ChartNotFound', before);
      await expectNothingKept(await upload(owner.auth, PNG, 'x.png', 'image/png', files(otherPractice, otherChart)), 404, 'PracticeNotFound', before);
      await expectNothingKept(await app.http().get(`${files()}/${theirs.body.fileId}`).set(owner.auth), 404, 'FileNotFound', before);
      await expectNothingKept(await app.http().get(`${files(practice, otherChart)}/${theirs.body.fileId}`).set(owner.auth), 404, 'ChartNotFound', before);
      await expectNothingKept(await app.http().delete(`${files()}/${theirs.body.fileId}`).set(owner.auth), 404, 'FileNotFound', before);
      await expectNothingKept(await app.http().get(files(practice, otherChart)).set(owner.auth), 404, 'ChartNotFound', before);
      await expectNothingKept(await app.http().get(`${files()}/not-a-uuid`).set(owner.auth), 404, 'FileNotFound', before);
    });
  });

  describe('permissions', () => {
    it('lets a clinician upload, read and delete; a biller read only; a scheduler nothing', async () => {
      const byClinician = await upload(roles.clinician.auth, PDF, 'referral.pdf', 'application/pdf');
      expect(byClinician.status).toBe(201);
      const fileId = byClinician.body.fileId;
      expect((await app.http().get(files()).set(roles.clinician.auth)).status).toBe(200);
      expect((await app.http().get(files()).set(roles.biller.auth)).status).toBe(200);
      expect((await app.http().get(`${files()}/${fileId}`).set(roles.biller.auth).buffer(true).parse(bytes)).status).toBe(200);

      const position = await head();
      const refusals = [
        await upload(roles.biller.auth, PDF, 'a.pdf', 'application/pdf'),
        await app.http().delete(`${files()}/${fileId}`).set(roles.biller.auth),
        await upload(roles.scheduler.auth, PDF, 'a.pdf', 'application/pdf'),
        await app.http().get(files()).set(roles.scheduler.auth),
        await app.http().get(`${files()}/${fileId}`).set(roles.scheduler.auth),
        await app.http().delete(`${files()}/${fileId}`).set(roles.scheduler.auth),
      ];
      expect(refusals.map((r) => [r.status, r.body.code, r.body.permission])).toEqual([
        [403, 'Forbidden', 'files:write'],
        [403, 'Forbidden', 'files:write'],
        [403, 'Forbidden', 'files:write'],
        [403, 'Forbidden', 'files:read'],
        [403, 'Forbidden', 'files:read'],
        [403, 'Forbidden', 'files:write'],
      ]);
      expect(await head()).toBe(position);
      expect((await app.http().delete(`${files()}/${fileId}`).set(roles.clinician.auth)).status).toBe(200);
    });
  });
});

describe('Files on the production read side (MongoDB over the wire-protocol test server: GridFS blob store)', () => {
  const mongo = new MongoTestServer();
  let app: TestApp;
  let url: string;

  beforeAll(async () => {
    const { port } = await mongo.start();
    url = `mongodb://127.0.0.1:${port}/practice_files_e2e?directConnection=true`;
    app = await startTestApp(newDataDir(), {
      MONGODB_URL: url,
      EMBEDDED_PROJECTOR: 'true',
      TOKEN_SECRET: 'a-test-secret-that-is-long-enough-for-hs256-0123456789',
      SECRETS_KEY: randomBytes(32).toString('base64'),
    });
  });

  afterAll(async () => {
    await app.destroy();
    await mongo.stop();
  });

  it('keeps the bytes in GridFS (not under DATA_DIR), and streams them back', async () => {
    const owner = await signedInUser(app, 'Gina');
    const practice = await createdPractice(app, owner.auth, 'Grid Minds');
    const chart = (await app.http().post(`/practices/${practice}/clients`).set(owner.auth).send({ firstName: 'Pat', lastName: 'Grid' })).body.clientId;
    const path = `/practices/${practice}/charts/${chart}/files`;
    const uploaded = await app.http().post(path).set(owner.auth).attach('file', PNG, { filename: 'card.png', contentType: 'image/png' });
    expect(uploaded.status).toBe(201);
    const downloaded = await app.http().get(`${path}/${uploaded.body.fileId}`).set(owner.auth).buffer(true).parse(bytes);
    expect(Buffer.compare(downloaded.body as Buffer, PNG)).toBe(0);
    expect(existsSync(join(app.dataDir, 'blobs'))).toBe(false);
    const client = await MongoClient.connect(url);
    try {
      const addresses = await client.db('practice_files_e2e_files').collection('blobs.sha256').find().toArray();
      expect(addresses.map((address) => address._id)).toEqual([sha256Of(PNG)]);
    } finally {
      await client.close();
    }
  });
});
