import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';
import { DEMO_PASSWORD, demoUsers, seedDemo, type DemoSummary } from '../../examples/demo/demo-seed';

/** `npm run demo` on a temporary DATA_DIR: populated lists and menus, and nothing new the second time. */
describe('npm run demo (examples/demo)', () => {
  jest.setTimeout(120_000);
  let app: TestApp;
  let base: string;
  let summary: DemoSummary;

  const signIn = async (email: string): Promise<{ Authorization: string }> => {
    const answer = await app.http().post('/auth/sign-in').send({ email, password: DEMO_PASSWORD });
    expect(answer.status).toBe(200);
    return { Authorization: `Bearer ${answer.body.accessToken}` };
  };
  /** Events of everything but the user streams (sign-ins are recorded there on every run). */
  const practiceEvents = async (): Promise<number> => (await app.runtime.eventStore.readAll()).filter((event) => !event.streamId.startsWith('user-')).length;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    summary = await seedDemo(base);
  });

  afterAll(async () => app.destroy());

  it('fills the client list with every kind of client, tags and Needs Attention items', async () => {
    const owner = await signIn(demoUsers[0].email);
    const p = `/practices/${summary.practiceId}`;
    const clients = await app.http().get(`${p}/clients?limit=100`).set(owner);
    expect(clients.status).toBe(200);
    expect(clients.body.items.length).toBeGreaterThanOrEqual(28);
    const kinds = new Set(clients.body.items.map((client: { kind?: string; type?: string }) => client.kind ?? client.type));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    for (const status of ['Active', 'Pending', 'Inactive']) {
      expect((await app.http().get(`${p}/clients?status=${status}`).set(owner)).body.items.length).toBeGreaterThan(0);
    }
    expect((await app.http().get(`${p}/tags`).set(owner)).body.items.length).toBe(6);
    expect(clients.body.items.some((client: { tags: unknown[] }) => client.tags.length > 0)).toBe(true);
    const attention = await app.http().get(`${p}/needs-attention`).set(owner);
    const reasons = new Set(attention.body.items.map((item: { reason: string }) => item.reason));
    expect([...reasons]).toEqual(expect.arrayContaining(['ClientSetupIncomplete', 'MinorWithoutBillingContact', 'GroupChartWithoutIdentifiedPatient']));
    expect((await app.http().get(`${p}/contacts`).set(owner)).body.items.length).toBeGreaterThanOrEqual(5);
  });

  it('gives the clinicians a practice in their menu and the charts past and upcoming appointments', async () => {
    const clinician = await signIn(demoUsers[1].email);
    const menu = await app.http().get('/me/menu').set(clinician);
    expect(menu.body).toMatchObject({ selectedPracticeId: summary.practiceId, recent: [{ practiceId: summary.practiceId, role: 'clinician' }] });
    const members = await app.http().get(`/practices/${summary.practiceId}/members`).set(clinician);
    expect(members.body.items).toHaveLength(3);
    const clients = await app.http().get(`/practices/${summary.practiceId}/clients?limit=100`).set(clinician);
    const first = clients.body.items.find((client: { firstName: string; lastName: string }) => client.firstName === 'Amelia' && client.lastName === 'Hart');
    const chart = await app.http().get(`/practices/${summary.practiceId}/charts/${first.clientId}`).set(clinician);
    expect(chart.body.stats).toMatchObject({ completed: 1, upcoming: 1 });
  });

  it('changes nothing when run again', async () => {
    const before = await practiceEvents();
    const again = await seedDemo(base);
    expect(again).toEqual(summary);
    expect(await practiceEvents()).toBe(before);
  });
});
