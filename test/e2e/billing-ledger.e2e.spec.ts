import { signedInUser, createdPractice, practiceRequests, tokenOf, type TestApp } from '../support/test-app';
import { practiceSession, staffOf } from '../support/practice-session';
import { psychotherapy } from '../support/billing-fixtures';

/** The ledger read model: the Payments tab, the chart's balance, and the practice's open balances. */
describe('Billing: the ledger, the Payments tab and open balances (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let userId: string;
  let practiceId: string;
  let serviceId: string;

  beforeAll(async () => {
    ({ app, auth, userId, practiceId } = await practiceSession());
    serviceId = (await post('/services', psychotherapy)).body.serviceId;
    await app.http().put(`/practices/${practiceId}/settings`).set(auth).send({ noShowFee: { amount: 5000, currency: 'USD' } });
  });

  afterAll(async () => app.destroy());

  const { url, post, put, get } = practiceRequests(() => ({ app, auth, practiceId }));
  const past = new Date(Date.now() - 86_400_000).toISOString();
  const clientWithSessions = async (sessions: number) => {
    const c = (await post('/clients', { firstName: 'Ada', lastName: 'Lovelace' })).body.clientId as string;
    await put(`/charts/${c}/billing-settings`, { payer: 'private-pay', billTo: 'client', defaultServiceId: serviceId });
    const ids: string[] = [];
    for (let i = 0; i < sessions; i += 1) {
      const a = (await post(`/charts/${c}/appointments`, { start: past, durationMinutes: 60, practitionerId: userId })).body.appointmentId as string;
      await post(`/charts/${c}/appointments/${a}/complete`);
      ids.push(a);
    }
    return { c, ids };
  };

  it('keeps charges, payments, refunds and the balance (charges − payments + refunds) in the documented shape', async () => {
    const { c, ids } = await clientWithSessions(2);
    const noShow = (await post(`/charts/${c}/appointments`, { start: past, durationMinutes: 60, practitionerId: userId })).body.appointmentId;
    await post(`/charts/${c}/appointments/${noShow}/no-show`);
    const paid = await post(`/charts/${c}/payments`, { amount: 20000, currency: 'USD', method: 'check', date: '2026-01-05', reference: '#1001', applications: [{ chargeId: ids[0], amount: 15000 }, { chargeId: ids[1], amount: 5000 }] });
    const refunded = await post(`/charts/${c}/payments/${paid.body.paymentId}/refunds`, { amount: 2000, date: '2026-01-06' });

    const ledger = await get(`/charts/${c}/ledger`, tokenOf(refunded));
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({
      chartId: c,
      currency: 'USD',
      charges: [
        { chargeId: ids[0], appointmentId: ids[0], date: past.slice(0, 10), start: past, kind: 'session', serviceId, serviceCode: '90837', serviceName: psychotherapy.name, practitionerId: userId, amount: 15000, paid: 15000 },
        { chargeId: ids[1], kind: 'session', amount: 15000, paid: 3000 },
        { chargeId: noShow, kind: 'no-show', amount: 5000, paid: 0 },
      ],
      payments: [{ paymentId: paid.body.paymentId, amount: 20000, method: 'check', date: '2026-01-05', reference: '#1001', refunded: 2000, applications: [{ chargeId: ids[0], amount: 15000 }, { chargeId: ids[1], amount: 3000 }] }],
      totals: { charged: 35000, paid: 20000, refunded: 2000, balance: 17000 },
    });
    const stored = await app.runtime.readStore.collection('chart-ledgers').get(c);
    expect(stored).toMatchObject({ _id: c, practiceId, totals: { balance: 17000 } });

    const chart = await get(`/charts/${c}`, tokenOf(refunded));
    expect(chart.body.balance).toEqual({ currency: 'USD', charged: 35000, paid: 20000, refunded: 2000, balance: 17000 });
    // The chart's ETag follows billing events too: If-Match with the refund's ETag is current.
    expect(chart.headers.etag).toBe(refunded.headers.etag);

    // Reads of the ledger and of the Payments tab are recorded in the chart's read log.
    await get(`/charts/${c}/payments`);
    const reads = await get(`/charts/${c}/reads`);
    expect(reads.body.reads.map((r: { view: string }) => r.view)).toEqual(expect.arrayContaining(['ledger', 'payments', 'chart']));
  });

  it('lists the payment history newest first, keyset-paged', async () => {
    const { c } = await clientWithSessions(1);
    const dates = ['2026-01-03', '2026-01-05', '2026-01-04'];
    let last;
    for (const date of dates) last = await post(`/charts/${c}/payments`, { amount: 1000, currency: 'USD', method: 'cash', date });
    const first = await get(`/charts/${c}/payments?limit=2`, tokenOf(last!));
    expect(first.status).toBe(200);
    expect(first.body.items.map((p: { date: string }) => p.date)).toEqual(['2026-01-05', '2026-01-04']);
    const second = await get(`/charts/${c}/payments?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((p: { date: string }) => p.date)).toEqual(['2026-01-03']);
    expect(second.body.nextCursor).toBeNull();
    expect((await get(`/charts/${c}/payments?cursor=${(await get('/balances/open')).body.nextCursor ?? 'bm9wZQ'}`)).body.code).toBe('InvalidCursor');
  });

  it("lists the practice's open balances, largest first, keyset-paged; credits and settled charts are not open", async () => {
    const small = await clientWithSessions(1);
    const large = await clientWithSessions(2);
    const settled = await clientWithSessions(1);
    await post(`/charts/${settled.c}/payments`, { amount: 15000, currency: 'USD', method: 'card', date: '2026-01-05', applications: [{ chargeId: settled.ids[0], amount: 15000 }] });
    const credit = await post(`/charts/${small.c}/payments`, { amount: 1000, currency: 'USD', method: 'card', date: '2026-01-05' });
    const first = await get('/balances/open?limit=1', tokenOf(credit));
    expect(first.status).toBe(200);
    const all = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await get(`/balances/open?limit=1&cursor=${cursor}`);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(all.find((i: { chartId: string }) => i.chartId === large.c).name).toBe('Ada Lovelace');
    const mine = all.filter((i: { chartId: string }) => [small.c, large.c, settled.c].includes(i.chartId)).map((i: { chartId: string; balance: number }) => [i.chartId, i.balance]);
    expect(mine).toEqual([[large.c, 30000], [small.c, 14000]]);
    const balances = all.map((i: { balance: number }) => i.balance);
    expect(balances).toEqual([...balances].sort((a, b) => b - a));
  });

  it("answers 404 for another practice's chart and shows none of its balances", async () => {
    const other = await signedInUser(app, 'Olive');
    const otherPractice = await createdPractice(app, other.auth, 'Elsewhere');
    const theirs = (await app.http().post(`/practices/${otherPractice}/clients`).set(other.auth).send({ firstName: 'Their', lastName: 'Client' })).body.clientId;
    const owed = await app.http().post(`/practices/${otherPractice}/charts/${theirs}/payments`).set(other.auth).send({ amount: 100, currency: 'USD', method: 'cash', date: '2026-01-05' });
    expect((await get(`/charts/${theirs}/payments`, tokenOf(owed))).status).toBe(404);
    expect((await get(`/charts/${theirs}/ledger`)).status).toBe(404);
    expect((await get('/balances/open')).body.items.some((i: { chartId: string }) => i.chartId === theirs)).toBe(false);
    expect((await get('/charts/not-a-uuid/payments')).status).toBe(404);
    expect((await get('/balances/open?limit=0')).status).toBe(400);
  });

  it('shows payments and balances to owners, admins, clinicians and billers; not to schedulers', async () => {
    const staff = await staffOf(app, practiceId, auth);
    const { c } = await clientWithSessions(1);
    for (const [role, roleAuth] of Object.entries(staff)) {
      const expected = role === 'scheduler' ? 403 : 200;
      for (const path of [`/charts/${c}/payments`, `/charts/${c}/ledger`, '/balances/open']) {
        expect([role, path, (await app.http().get(url(path)).set(roleAuth)).status]).toEqual([role, path, expected]);
      }
    }
  });
});
