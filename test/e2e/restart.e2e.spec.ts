import { startTestApp, signedInUser, createdPractice, newDataDir } from '../support/test-app';
import { rmSync } from 'node:fs';

describe('A restart over the same data directory', () => {
  const dataDir = newDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves every client, the token and the email rule again, rebuilt from the event log', async () => {
    const first = await startTestApp(dataDir);
    const user = await signedInUser(first);
    const practiceId = await createdPractice(first, user.auth);
    const ids: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const r = await first.http().post(`/practices/${practiceId}/clients`).set(user.auth).send({ firstName: `C${i}`, lastName: 'Restart', email: `c${i}@restart.example` });
      ids.push(r.body.clientId);
    }
    await first.http().post(`/practices/${practiceId}/clients/${ids[0]}/setup/complete`).set(user.auth);
    await first.stop();

    const second = await startTestApp(dataDir);
    try {
      // The token issued by the first process is still valid: the signing secret is kept under DATA_DIR.
      const list = await second.http().get(`/practices/${practiceId}/clients?limit=200`).set(user.auth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { clientId: string }) => i.clientId).sort()).toEqual([...ids].sort());
      const attention = await second.http().get(`/practices/${practiceId}/needs-attention`).set(user.auth);
      expect(attention.body.items).toHaveLength(24);
      const duplicate = await second.http().post(`/practices/${practiceId}/clients`).set(user.auth).send({ firstName: 'D', lastName: 'Up', email: 'C3@restart.example' });
      expect(duplicate.status).toBe(409);
      const signIn = await second.http().post('/auth/sign-in').send({ email: user.email, password: 'correct horse battery staple' });
      expect(signIn.status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
