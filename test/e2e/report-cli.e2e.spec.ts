import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createdPractice, signedInUser, startTestApp, type TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

// Each run starts a process (and, without --api, the core in it): minutes on a busy machine, not a timed assertion.
jest.setTimeout(300_000);

/** `npm run report -- …` as an operator runs it (the project's node first on PATH). */
const runReport = (args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', 'report', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const tokenOf = (auth: { Authorization: string }): string => auth.Authorization.slice('Bearer '.length);

describe('npm run report: exports into a file (embedded default, in process and against a running API)', () => {
  let app: TestApp;
  let owner: { userId: string; auth: { Authorization: string }; email: string };
  let practiceId: string;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await signedInUser(app, 'Otto');
    practiceId = await createdPractice(app, owner.auth, 'CLI');
    for (const [firstName, lastName] of [['Ada', 'Lovelace'], ['Grace', 'Hopper'], ['Alan', 'Turing']]) {
      expect((await app.http().post(`/practices/${practiceId}/clients`).set(owner.auth).send({ firstName, lastName })).status).toBe(201);
    }
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => app.destroy());

  it('exports clients as CSV from the stores of DATA_DIR (the core started in the CLI process), recorded for auditors', async () => {
    const out = join(app.dataDir, 'clients.csv');
    const run = await runReport(['clients', '--practice', practiceId, '--format', 'csv', '--out', out], { DATA_DIR: app.dataDir, REPORT_TOKEN: tokenOf(owner.auth) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^clients: 3 rows at log position \d+ -> .*clients\.csv \(export [0-9a-f-]{36}\)/);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,kind,firstName,lastName,/);
    expect(lines.slice(1).map((line) => line.split(',')[2]).sort()).toEqual(['Ada', 'Alan', 'Grace']);
    const exportId = /\(export ([0-9a-f-]{36})\)/.exec(run.stdout)![1];
    const audit = await app.http().get(`/practices/${practiceId}/audit/exports`).set(owner.auth);
    expect(audit.body.items).toContainEqual(expect.objectContaining({ id: exportId, userId: owner.userId, dataset: 'clients', rows: 3, status: 'completed' }));
  });

  it('exports NDJSON rows through a running API (--api)', async () => {
    const out = join(app.dataDir, 'clients.ndjson');
    const run = await runReport(['clients', '--practice', practiceId, '--format', 'ndjson', '--out', out, '--api', baseUrl, '--token', tokenOf(owner.auth)], {});
    expect(run.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { lastName: string });
    expect(rows.map((row) => row.lastName).sort()).toEqual(['Hopper', 'Lovelace', 'Turing']);
  });

  it('writes a report as the API answers it: JSON unless --format csv (README: "CSV with --format csv, JSON otherwise")', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const args = ['new-clients', '--practice', practiceId, '--from', day, '--to', day, '--api', baseUrl, '--token', tokenOf(owner.auth)];
    const asJson = join(app.dataDir, 'new-clients.json');
    const json = await runReport([...args, '--out', asJson], {});
    expect(json.code).toBe(0);
    const report = JSON.parse(readFileSync(asJson, 'utf8')) as { report: string; columns: string[] };
    expect(report).toMatchObject({ report: 'new-clients', columns: ['period', 'newClients'] });
    const asCsv = join(app.dataDir, 'new-clients.csv');
    expect((await runReport([...args, '--format', 'csv', '--out', asCsv], {})).code).toBe(0);
    expect(readFileSync(asCsv, 'utf8').split('\r\n')[0]).toBe('period,newClients');
  });

  it("fails with the API's answer for a role that may not export, and a usage line without the arguments it needs", async () => {
    const clinician = await signedInUser(app, 'Clio');
    const invited = await app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email: clinician.email, role: 'clinician' });
    await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(clinician.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
    const refused = await runReport(['clients', '--practice', practiceId, '--out', join(app.dataDir, 'no.csv'), '--api', baseUrl, '--token', tokenOf(clinician.auth)], {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('403');
    const usage = await runReport(['clients'], {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run report');
  });
});
