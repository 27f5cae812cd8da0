import { generateSync } from 'otplib';
import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';

describe('Account security (embedded default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => app.destroy());

  const everything = async () => JSON.stringify(await app.runtime.eventStore.readAll());

  it('changes the password with the current one; old tokens stop working; the event holds nothing secret', async () => {
    const user = await signedInUser(app, 'Pat');
    const wrong = await app.http().post('/me/password').set(user.auth).send({ currentPassword: 'not it at all', newPassword: 'a brand new password' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe('currentPassword');
    expect((await app.http().get('/me/menu').set(user.auth)).status).toBe(200);

    const changed = await app.http().post('/me/password').set(user.auth).send({ currentPassword: PASSWORD, newPassword: 'a brand new password' });
    expect(changed.status).toBe(200);
    expect((await app.http().get('/me/menu').set(user.auth)).status).toBe(401);
    expect((await app.http().get('/me/menu').set('Authorization', `Bearer ${changed.body.accessToken}`)).status).toBe(200);
    expect((await app.http().post('/auth/sign-in').send({ email: user.email, password: 'a brand new password' })).status).toBe(200);

    const events = await app.runtime.eventStore.readStream(`user-${user.userId}`);
    expect(events.find((e) => e.type === 'UserPasswordChanged')!.data).toEqual({ userId: user.userId });
    expect(await everything()).not.toContain('a brand new password');
  });

  it('2-step: set up, enable only with a valid code, then sign-in needs the code or a recovery code; disable', async () => {
    const user = await signedInUser(app, 'Tess');
    const setup = await app.http().post('/me/two-factor/setup').set(user.auth);
    expect(setup.status).toBe(200);
    const { secret } = setup.body;
    expect(setup.body.otpauthUrl).toContain('otpauth://totp/');
    // Not required before it is enabled.
    expect((await app.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD })).status).toBe(200);

    const before = await app.runtime.eventStore.headPosition();
    const badCode = await app.http().post('/me/two-factor/enable').set(user.auth).send({ code: generateSync({ secret }) === '000000' ? '111111' : '000000' });
    expect(badCode.status).toBe(422);
    expect(badCode.body.code).toBe('TwoFactorCodeInvalid');
    expect(await app.runtime.eventStore.headPosition()).toBe(before);

    const enabled = await app.http().post('/me/two-factor/enable').set(user.auth).send({ code: generateSync({ secret }) });
    expect(enabled.status).toBe(200);
    const recoveryCodes: string[] = enabled.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);

    const passwordOnly = await app.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD });
    expect(passwordOnly.status).toBe(401);
    expect(passwordOnly.body.code).toBe('TwoFactorRequired');
    const otp = generateSync({ secret });
    const withCode = await app.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD, otp });
    expect(withCode.status).toBe(200);
    // A code that signed in once cannot sign in again, even within its 30 seconds.
    const replayed = await app.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD, otp });
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe('InvalidCredentials');
    const withRecovery = await app.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD, recoveryCode: recoveryCodes[0] });
    expect(withRecovery.status).toBe(200);
    const reused = await app.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD, recoveryCode: recoveryCodes[0] });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('InvalidCredentials');

    const log = await everything();
    expect(log).not.toContain(secret);
    for (const code of recoveryCodes) expect(log).not.toContain(code);

    const auth = { Authorization: `Bearer ${withCode.body.accessToken}` };
    const noCode = await app.http().post('/me/two-factor/disable').set(auth).send({ password: PASSWORD });
    expect(noCode.status).toBe(422);
    const disabled = await app.http().post('/me/two-factor/disable').set(auth).send({ password: PASSWORD, code: generateSync({ secret }) });
    expect(disabled.status).toBe(200);
    expect((await app.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD })).status).toBe(200);

    const history = await app.http().get('/me/history').set(auth);
    const types = history.body.items.map((i: { type: string }) => i.type);
    expect(types).toEqual(expect.arrayContaining(['TwoFactorEnabled', 'TwoFactorDisabled', 'UserSignedIn', 'UserSignInFailed']));
    const methods = history.body.items.filter((i: { type: string }) => i.type === 'UserSignedIn').map((i: { data: { method: string } }) => i.data.method);
    expect(methods).toEqual(expect.arrayContaining(['password', 'password+totp', 'password+recovery-code']));
  });

  it('locks an address after repeated failures, the same for an unknown email, and records them', async () => {
    const user = await signedInUser(app, 'Lock');
    const unknown = `nobody.${Date.now()}@example.com`;
    const attempt = (email: string, password: string) => app.http().post('/auth/sign-in').send({ email, password });
    const known: number[] = [];
    const stranger: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      known.push((await attempt(user.email, 'wrong password!')).status);
      stranger.push((await attempt(unknown, 'wrong password!')).status);
    }
    expect(known).toEqual([401, 401, 401, 401, 401]);
    expect(stranger).toEqual(known);
    const lockedKnown = await attempt(user.email, PASSWORD);
    const lockedUnknown = await attempt(unknown, PASSWORD);
    expect(lockedKnown.status).toBe(429);
    expect(lockedKnown.body).toEqual(lockedUnknown.body);
    expect(lockedKnown.body.code).toBe('SignInLocked');
    expect(Number(lockedKnown.headers['retry-after'])).toBeGreaterThan(0);

    const events = await app.runtime.eventStore.readStream(`user-${user.userId}`);
    const failures = events.filter((e) => e.type === 'UserSignInFailed').map((e) => (e.data as { reason: string }).reason);
    expect(failures).toEqual(['wrong-password', 'wrong-password', 'wrong-password', 'wrong-password', 'locked']);
  });

  it('shows role changes in the member history', async () => {
    const owner = await signedInUser(app, 'Hal');
    const member = await signedInUser(app, 'Mia');
    const practiceId = await createdPractice(app, owner.auth);
    const invited = await app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email: member.email, role: 'clinician' });
    await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(member.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
    const changed = await app.http().put(`/practices/${practiceId}/members/${member.userId}/role`).set(owner.auth).send({ role: 'admin' });
    const history = await app.http().get('/me/history').set(member.auth).set('X-Consistency-Token', changed.headers['x-consistency-token']);
    expect(history.body.items[0]).toMatchObject({
      type: 'PracticeMemberRoleChanged',
      actorUserId: owner.userId,
      practiceId,
      data: { role: 'admin', previousRole: 'clinician' },
    });
  });
});
