import { randomUUID } from 'node:crypto';
import type { CredentialStore } from '../../apps/command-api/src/infrastructure/credential-store';

/** The 2-step secrets of a user as the adapter stores them. */
export interface StoredTwoFactor {
  readonly pendingSecret: string | null;
  readonly activeSecret: string | null;
}

export interface CredentialStoreFixture {
  readonly store: CredentialStore;
  /** The secrets as stored, read past the store. */
  stored(userId: string): Promise<StoredTwoFactor | undefined>;
  /** Writes secrets past the store, as a version that kept them plain did. */
  storeAsIs(userId: string, secrets: StoredTwoFactor): Promise<void>;
  /** Closes the store and opens a new one over the same data, with the same key (a restart). */
  restart(): Promise<CredentialStore>;
  cleanup(): Promise<void>;
}

/** The contract every credential store keeps (SQLite in the embedded default, MongoDB in production). */
export function credentialStoreContract(label: string, factory: () => Promise<CredentialStoreFixture>): void {
  describe(`CredentialStore contract: ${label}`, () => {
    let fixture: CredentialStoreFixture;
    let store: CredentialStore;
    const user = (): string => randomUUID();

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });

    afterEach(async () => fixture.cleanup());

    describe('2-step secrets at rest', () => {
      const sealed = expect.stringMatching(/^enc:v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);

      it('stores a sealed value, never the secret, and reads the secret back', async () => {
        const id = user();
        await store.putPendingTwoFactor(id, 'JBSWY3DPEHPK3PXP');
        const pending = await fixture.stored(id);
        expect(pending).toEqual({ pendingSecret: sealed, activeSecret: null });
        expect(pending?.pendingSecret).not.toContain('JBSWY3DPEHPK3PXP');
        expect((await store.getTwoFactor(id))?.pendingSecret).toBe('JBSWY3DPEHPK3PXP');
        await store.activateTwoFactor(id, ['r1']);
        await store.putPendingTwoFactor(id, 'KRSXG5CTMVRXEZLU');
        expect(await fixture.stored(id)).toEqual({ pendingSecret: sealed, activeSecret: sealed });
        expect(await store.getTwoFactor(id)).toEqual({ pendingSecret: 'KRSXG5CTMVRXEZLU', activeSecret: 'JBSWY3DPEHPK3PXP', recoveryCodeHashes: ['r1'] });
      });

      it('seals a plain secret (stored before sealing) when it is first read', async () => {
        const id = user();
        await fixture.storeAsIs(id, { pendingSecret: null, activeSecret: 'JBSWY3DPEHPK3PXP' });
        expect(await store.getTwoFactor(id)).toEqual({ pendingSecret: null, activeSecret: 'JBSWY3DPEHPK3PXP', recoveryCodeHashes: [] });
        expect(await fixture.stored(id)).toEqual({ pendingSecret: null, activeSecret: sealed });
        expect((await store.getTwoFactor(id))?.activeSecret).toBe('JBSWY3DPEHPK3PXP');
      });

      it('seals every plain secret at start, read or not', async () => {
        const id = user();
        await fixture.storeAsIs(id, { pendingSecret: 'KRSXG5CTMVRXEZLU', activeSecret: 'JBSWY3DPEHPK3PXP' });
        store = await fixture.restart();
        expect(await fixture.stored(id)).toEqual({ pendingSecret: sealed, activeSecret: sealed });
        expect(await store.getTwoFactor(id)).toEqual({ pendingSecret: 'KRSXG5CTMVRXEZLU', activeSecret: 'JBSWY3DPEHPK3PXP', recoveryCodeHashes: [] });
      });

      it("does not open one user's sealed secret copied onto another", async () => {
        const [owner, other] = [user(), user()];
        await store.putPendingTwoFactor(owner, 'JBSWY3DPEHPK3PXP');
        await fixture.storeAsIs(other, (await fixture.stored(owner))!);
        await expect(store.getTwoFactor(other)).rejects.toThrow();
      });
    });

    it('has nothing for an unknown user', async () => {
      const id = user();
      expect(await store.get(id)).toBeUndefined();
      expect(await store.getTwoFactor(id)).toBeUndefined();
    });

    it('stores a password hash at version 1 and bumps the version on every change', async () => {
      const id = user();
      expect(await store.put(id, 'hash-1')).toEqual({ userId: id, passwordHash: 'hash-1', version: 1 });
      expect(await store.put(id, 'hash-2')).toEqual({ userId: id, passwordHash: 'hash-2', version: 2 });
      expect(await store.get(id)).toEqual({ userId: id, passwordHash: 'hash-2', version: 2 });
    });

    it('bumps the version even when the same hash is stored again, and per user', async () => {
      const [first, second] = [user(), user()];
      await store.put(first, 'same');
      expect((await store.put(first, 'same')).version).toBe(2);
      expect((await store.put(second, 'same')).version).toBe(1);
      expect((await store.get(first))?.version).toBe(2);
    });

    it('gives each of several racing password changes the version that goes with its own hash', async () => {
      // A token carries the version put() returned: it must be the version of the password it was issued for.
      const id = user();
      await store.put(id, 'hash-1');
      const hashes = ['hash-a', 'hash-b', 'hash-c', 'hash-d', 'hash-e'];
      const results = await Promise.all(hashes.map((hash) => store.put(id, hash)));
      expect(results.map((credential) => credential.passwordHash)).toEqual(hashes);
      expect(results.map((credential) => credential.version).sort()).toEqual([2, 3, 4, 5, 6]);
      expect(await store.get(id)).toEqual(results.find((credential) => credential.version === 6));
    });

    it('keeps a 2-step secret pending until it is activated with recovery codes', async () => {
      const id = user();
      await store.putPendingTwoFactor(id, 'SECRET1');
      expect(await store.getTwoFactor(id)).toEqual({ pendingSecret: 'SECRET1', activeSecret: null, recoveryCodeHashes: [] });
      await store.activateTwoFactor(id, ['r1', 'r2']);
      expect(await store.getTwoFactor(id)).toEqual({ pendingSecret: null, activeSecret: 'SECRET1', recoveryCodeHashes: ['r1', 'r2'] });
    });

    it('does not activate anything without a pending secret', async () => {
      const id = user();
      await store.putPendingTwoFactor(id, 'SECRET1');
      await store.activateTwoFactor(id, ['r1']);
      await store.activateTwoFactor(id, ['other']);
      expect(await store.getTwoFactor(id)).toEqual({ pendingSecret: null, activeSecret: 'SECRET1', recoveryCodeHashes: ['r1'] });
      const stranger = user();
      await store.activateTwoFactor(stranger, ['x']);
      expect((await store.getTwoFactor(stranger))?.activeSecret ?? null).toBeNull();
    });

    it('keeps the active secret while a new one is pending, and removes both', async () => {
      const id = user();
      await store.putPendingTwoFactor(id, 'SECRET1');
      await store.activateTwoFactor(id, ['r1']);
      await store.putPendingTwoFactor(id, 'SECRET2');
      expect(await store.getTwoFactor(id)).toEqual({ pendingSecret: 'SECRET2', activeSecret: 'SECRET1', recoveryCodeHashes: ['r1'] });
      await store.removeTwoFactor(id);
      expect(await store.getTwoFactor(id)).toBeUndefined();
    });

    it('lets a recovery code be used once only', async () => {
      const id = user();
      await store.putPendingTwoFactor(id, 'S');
      await store.activateTwoFactor(id, ['r1', 'r2']);
      expect(await store.consumeRecoveryCode(id, 'r1')).toBe(true);
      expect(await store.consumeRecoveryCode(id, 'r1')).toBe(false);
      expect(await store.consumeRecoveryCode(id, 'nope')).toBe(false);
      expect((await store.getTwoFactor(id))?.recoveryCodeHashes).toEqual(['r2']);
      expect(await store.consumeRecoveryCode(user(), 'r2')).toBe(false);
    });

    it('keeps recovery code hashes verbatim, even ones that start with $', async () => {
      const id = user();
      await store.putPendingTwoFactor(id, 'S');
      await store.activateTwoFactor(id, ['$2b$10$abc', 'plain']);
      expect((await store.getTwoFactor(id))?.recoveryCodeHashes).toEqual(['$2b$10$abc', 'plain']);
      expect(await store.consumeRecoveryCode(id, '$2b$10$abc')).toBe(true);
      expect((await store.getTwoFactor(id))?.recoveryCodeHashes).toEqual(['plain']);
    });

    it('needs a new pending secret after 2-step sign-in was removed', async () => {
      const id = user();
      await store.putPendingTwoFactor(id, 'SECRET1');
      await store.activateTwoFactor(id, ['r1']);
      await store.removeTwoFactor(id);
      await store.activateTwoFactor(id, ['r2']);
      expect((await store.getTwoFactor(id))?.activeSecret ?? null).toBeNull();
      expect(await store.consumeRecoveryCode(id, 'r1')).toBe(false);
    });

    it('lets one of two racing uses of the same recovery code win', async () => {
      const id = user();
      await store.putPendingTwoFactor(id, 'S');
      await store.activateTwoFactor(id, ['r1']);
      const results = await Promise.all([store.consumeRecoveryCode(id, 'r1'), store.consumeRecoveryCode(id, 'r1')]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('takes each TOTP time step once, and never an earlier one', async () => {
      const id = user();
      await store.putPendingTwoFactor(id, 'S');
      await store.activateTwoFactor(id, []);
      expect(await store.useTotpStep(id, 100)).toBe(true);
      expect(await store.useTotpStep(id, 100)).toBe(false);
      expect(await store.useTotpStep(id, 99)).toBe(false);
      expect(await store.useTotpStep(id, 101)).toBe(true);
      const racing = await Promise.all([store.useTotpStep(id, 102), store.useTotpStep(id, 102)]);
      expect(racing.filter(Boolean)).toHaveLength(1);
      expect(await store.useTotpStep(user(), 1)).toBe(false);
    });

    it('counts failed sign-ins atomically, even when they arrive together', async () => {
      const key = `failures-${randomUUID()}`;
      expect(await store.addSignInFailure(key)).toBe(1);
      const counts = await Promise.all(Array.from({ length: 8 }, () => store.addSignInFailure(key)));
      expect([...counts].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await store.getAttempts(key)).toEqual({ failures: 9, lockedUntil: null });
      await store.putAttempts(key, { failures: 0, lockedUntil: null });
      expect(await store.addSignInFailure(key)).toBe(1);
    });

    it('counts sign-in failures and forgets them when reset', async () => {
      const key = `attempts-${randomUUID()}`;
      expect(await store.getAttempts(key)).toEqual({ failures: 0, lockedUntil: null });
      await store.putAttempts(key, { failures: 3, lockedUntil: null });
      await store.putAttempts(key, { failures: 5, lockedUntil: '2026-01-01T00:15:00.000Z' });
      expect(await store.getAttempts(key)).toEqual({ failures: 5, lockedUntil: '2026-01-01T00:15:00.000Z' });
      await store.putAttempts(key, { failures: 0, lockedUntil: null });
      expect(await store.getAttempts(key)).toEqual({ failures: 0, lockedUntil: null });
    });

    it('keeps a lock without failures, and the counters of each key apart', async () => {
      const [locked, other] = [`attempts-${randomUUID()}`, `attempts-${randomUUID()}`];
      await store.putAttempts(locked, { failures: 0, lockedUntil: '2026-01-01T00:15:00.000Z' });
      await store.putAttempts(other, { failures: 1, lockedUntil: null });
      expect(await store.getAttempts(locked)).toEqual({ failures: 0, lockedUntil: '2026-01-01T00:15:00.000Z' });
      expect(await store.getAttempts(other)).toEqual({ failures: 1, lockedUntil: null });
    });
  });
}
