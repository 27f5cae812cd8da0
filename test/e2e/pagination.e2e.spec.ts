import { startTestApp, signedInUser, createdPractice, practiceRequests, tokenOf, type TestApp } from '../support/test-app';

type Auth = { Authorization: string };
type Body = Record<string, unknown> & { nextCursor: string | null };

/**
 * Every list pages with `limit` and `cursor` (keyset, one mechanism): paging through more items than
 * one page holds gives every item exactly once, in the list's order, and the last page's nextCursor
 * is null. Bad limits and cursors are 400 problem+json naming the query field.
 */
describe('Pagination of every list (embedded default)', () => {
  jest.setTimeout(120_000);
  let app: TestApp;
  let owner: { userId: string; auth: Auth; email: string };
  let practiceId: string;
  let clientId: string;
  let token = '';

  const { post, put, get } = practiceRequests(() => ({ app, auth: owner.auth, practiceId }));
  const N = 7;
  const LIMIT = 3;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await signedInUser(app, 'Paula');
    practiceId = await createdPractice(app, owner.auth, 'Paged Practice');
    for (let i = 0; i < N; i += 1) {
      expect((await post('/contacts', { firstName: `C${i}`, lastName: `Contact ${N - i}` })).status).toBe(201);
      expect((await post('/tags', { name: `Tag ${N - i}` })).status).toBe(201);
    }
    // N members besides the owner; each also leaves an invitation (accepted) in the practice's list.
    for (let i = 0; i < N; i += 1) {
      const member = await signedInUser(app, `Member${i}`);
      const invited = await post('/invitations', { email: member.email, role: 'clinician' });
      const accepted = await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(member.auth).set('X-Consistency-Token', tokenOf(invited));
      expect(accepted.status).toBe(200);
    }
    const created = await post('/clients', { firstName: 'Hist', lastName: 'Ory' });
    clientId = created.body.clientId;
    for (const step of ['account-information', 'contact-information', 'demographics', 'portal-invitation', 'billing-settings', 'default-service', 'insurance-policies', 'contacts']) {
      expect((await post(`/clients/${clientId}/setup/steps/${step}`)).status).toBe(200);
    }
    const last = await post(`/clients/${clientId}/setup/complete`);
    token = tokenOf(last);
    for (let i = 0; i < N; i += 1) expect((await get(`/charts/${clientId}`, token)).status).toBe(200);
  });

  afterAll(async () => app.destroy());

  /** Follows nextCursor from the first page to the last; every page holds at most `limit` items. */
  const pageThrough = async (fetch: (query: string) => Promise<{ status: number; body: Body }>, key = 'items', limit = LIMIT) => {
    const items: unknown[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await fetch(query);
      expect(response.status).toBe(200);
      const page = response.body[key] as unknown[];
      expect(page.length).toBeLessThanOrEqual(limit);
      items.push(...page);
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    return { items, pages };
  };

  /** Paged in small pages = the whole list in one page, more than one page's worth, each item once. */
  const expectPagedLikeWhole = async (fetch: (query: string) => Promise<{ status: number; body: Body }>, idOf: (item: any) => string, key = 'items', unique = true) => {
    const whole = await fetch('limit=500');
    expect(whole.status).toBe(200);
    expect(whole.body.nextCursor).toBeNull();
    const all = whole.body[key] as unknown[];
    expect(all.length).toBeGreaterThan(LIMIT);
    const { items, pages } = await pageThrough(fetch, key);
    expect(pages).toBeGreaterThan(1);
    expect(items.map(idOf)).toEqual(all.map(idOf));
    if (unique) expect(new Set(items.map(idOf)).size).toBe(items.length);
    return items as any[];
  };

  const inPractice = (path: string) => (query: string) => get(`${path}${path.includes('?') ? '&' : '?'}${query}`, token);
  const asOwner = (path: string) => (query: string) => app.http().get(`${path}?${query}`).set(owner.auth).set('X-Consistency-Token', token);

  it('contacts: by last then first name', async () => {
    const items = await expectPagedLikeWhole(inPractice('/contacts'), (c) => c.contactId);
    expect(items.map((c) => c.lastName)).toEqual([...Array(N)].map((_, i) => `Contact ${i + 1}`));
  });

  it('tags: by name', async () => {
    const items = await expectPagedLikeWhole(inPractice('/tags'), (t) => t.tagId);
    expect(items.map((t) => t.name)).toEqual([...Array(N)].map((_, i) => `Tag ${i + 1}`));
  });

  it('members: in the order they joined', async () => {
    const items = await expectPagedLikeWhole(inPractice('/members'), (m) => m.userId);
    expect(items).toHaveLength(N + 1);
    expect(items[0].userId).toBe(owner.userId);
    expect(items.map((m) => m.joinedAt)).toEqual([...items.map((m) => m.joinedAt)].sort());
  });

  it('the practice invitations: in the order sent', async () => {
    const items = await expectPagedLikeWhole(inPractice('/invitations'), (i) => i.invitationId);
    expect(items).toHaveLength(N);
    expect(items.map((i) => i.invitedAt)).toEqual([...items.map((i) => i.invitedAt)].sort());
  });

  it('the chart history: by revision, under `events`', async () => {
    const items = await expectPagedLikeWhole(inPractice(`/charts/${clientId}/history`), (e) => String(e.revision), 'events');
    expect(items.map((e) => e.revision)).toEqual([...Array(10)].map((_, i) => i));
    const asOf = await pageThrough(inPractice(`/charts/${clientId}/history?asOfRevision=4`), 'events');
    expect(asOf.items.map((e: any) => e.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('the chart reads: in the order they happened, under `reads`', async () => {
    const items = await expectPagedLikeWhole(inPractice(`/charts/${clientId}/reads`), (r) => JSON.stringify(r), 'reads', false);
    expect(items.filter((r) => r.view === 'chart')).toHaveLength(N);
    expect(items.map((r) => r.at)).toEqual([...items.map((r) => r.at)].sort());
  });

  it('Needs Attention: split between the problems of one chart, every problem once', async () => {
    const other = await createdPractice(app, owner.auth, 'Attention Practice');
    const needs = practiceRequests(() => ({ app, auth: owner.auth, practiceId: other }));
    let last = await needs.post('/clients', { firstName: 'Ada', lastName: 'One' });
    for (let i = 0; i < 3; i += 1) {
      // A minor without a billing contact: two problems of one chart.
      last = await needs.post('/clients/minors', { firstName: `Kid${i}`, lastName: 'Minor', contacts: [{ new: { firstName: 'Pa', lastName: `Rent${i}` }, billing: false }] });
      expect(last.status).toBe(201);
    }
    const fetch = (query: string) => needs.get(`/needs-attention?${query}`, tokenOf(last));
    const whole = await fetch('limit=500');
    expect(whole.body.items).toHaveLength(7);
    for (const limit of [1, 2, 3]) {
      const { items } = await pageThrough(fetch, 'items', limit);
      expect(items.map((i: any) => i.id)).toEqual(whole.body.items.map((i: { id: string }) => i.id));
    }
  });

  it('Needs Attention: more than 500 items, every one across pages, in order', async () => {
    const big = await createdPractice(app, owner.auth, 'Big Practice');
    const clients = practiceRequests(() => ({ app, auth: owner.auth, practiceId: big }));
    const COUNT = 520;
    let last = '';
    for (let i = 0; i < COUNT; i += 20) {
      const batch = await Promise.all([...Array(20)].map((_, j) => clients.post('/clients', { firstName: 'Incomplete', lastName: `No ${i + j}` })));
      expect(batch.every((response) => response.status === 201)).toBe(true);
      last = String(Math.max(...batch.map((response) => Number(tokenOf(response)))));
    }
    const fetch = (query: string) => clients.get(`/needs-attention?${query}`, last);
    // The default page (50) and the largest (500): both walk every item once.
    for (const limit of [50, 500]) {
      const { items, pages } = await pageThrough(fetch, 'items', limit);
      expect(pages).toBe(Math.ceil(COUNT / limit));
      expect(new Set(items.map((i: any) => i.id)).size).toBe(COUNT);
      expect(items.every((i: any) => i.reason === 'ClientSetupIncomplete')).toBe(true);
      const since = items.map((i: any) => i.since);
      expect(since).toEqual([...since].sort());
    }
    const first = await fetch('');
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
  });

  it('/me/history: newest first', async () => {
    const items = await expectPagedLikeWhole(asOwner('/me/history'), (e) => String(e.position));
    expect(items.map((e) => e.position)).toEqual([...items.map((e) => e.position)].sort((a, b) => b - a));
  });

  it('/me/practices and /me/invitations: in the order joined / invited', async () => {
    const invitee = await signedInUser(app, 'Ivy');
    let last = '';
    for (let i = 0; i < N; i += 1) {
      const practice = await createdPractice(app, owner.auth, `Inviting ${i}`);
      const invited = await app.http().post(`/practices/${practice}/invitations`).set(owner.auth).send({ email: invitee.email, role: 'biller' });
      last = tokenOf(invited);
    }
    const mine = (query: string) => app.http().get(`/me/invitations?${query}`).set(invitee.auth).set('X-Consistency-Token', last);
    const invitations = await expectPagedLikeWhole(mine, (i) => i.invitationId);
    expect(invitations.map((i) => i.practiceName)).toEqual([...Array(N)].map((_, i) => `Inviting ${i}`));

    const practices = (query: string) => app.http().get(`/me/practices?${query}`).set(owner.auth).set('X-Consistency-Token', last);
    const items = await expectPagedLikeWhole(practices, (p) => p.practiceId);
    expect(items.length).toBeGreaterThanOrEqual(N + 1);
    expect((await practices('limit=2')).body.total).toBe(items.length);
  });

  it('the client list keeps its cursor, now through the same helper', async () => {
    const other = await createdPractice(app, owner.auth, 'Client Practice');
    const clients = practiceRequests(() => ({ app, auth: owner.auth, practiceId: other }));
    let last = await clients.post('/clients', { firstName: 'A', lastName: 'Zed' });
    for (let i = 0; i < N; i += 1) last = await clients.post('/clients', { firstName: `F${i}`, lastName: `Last ${i}` });
    const items = await expectPagedLikeWhole((query) => clients.get(`/clients?${query}`, tokenOf(last)), (c) => c.clientId);
    expect(items.map((c) => c.lastName)).toEqual([...[...Array(N)].map((_, i) => `Last ${i}`), 'Zed']);
  });

  describe('bad limits and cursors: 400 problem+json naming the field, for every list', () => {
    const forged = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const urls = () => [
      `/practices/${practiceId}/clients`,
      `/practices/${practiceId}/needs-attention`,
      `/practices/${practiceId}/contacts`,
      `/practices/${practiceId}/members`,
      `/practices/${practiceId}/invitations`,
      `/practices/${practiceId}/tags`,
      `/practices/${practiceId}/charts/${clientId}/history`,
      `/practices/${practiceId}/charts/${clientId}/reads`,
      '/me/history',
      '/me/practices',
      '/me/invitations',
    ];

    it('refuses limit 0, 501, -1, 2.5, abc', async () => {
      for (const url of urls()) {
        for (const limit of ['0', '501', '-1', '2.5', 'abc']) {
          const response = await app.http().get(`${url}?limit=${limit}`).set(owner.auth);
          expect([url, limit, response.status]).toEqual([url, limit, 400]);
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('limit');
        }
      }
    });

    it('refuses malformed cursors, forged ones and cursors of another list', async () => {
      const before = await app.runtime.eventStore.headPosition();
      const cursors = [
        'not-a-cursor',
        '%ZZ',
        forged({ list: 'clients' }),
        forged(['elsewhere', 'a', 'b']),
        forged(['chart-history', -1]),
        forged(['chart-history', 'x']),
        forged(['my-history', 1.5]),
        forged(['clients', 1, 2]),
        forged(['needs-attention', 'a', 'b']),
        forged(['members', 'a']),
      ];
      for (const url of urls()) {
        for (const cursor of cursors) {
          const response = await app.http().get(`${url}?cursor=${encodeURIComponent(cursor)}`).set(owner.auth);
          expect([url, cursor, response.status]).toEqual([url, cursor, 400]);
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
        }
      }
      expect(await app.runtime.eventStore.headPosition()).toBe(before);
    });
  });
});
