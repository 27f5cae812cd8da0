import { randomUUID } from 'node:crypto';
import type { CredentialStore, SignInSlot } from '../../apps/command-api/src/infrastructure/credential-store';

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

    describe('sign-in attempts', () => {
      const limits = { maxAttempts: 5, windowMs: 15 * 60 * 1000 };
      const t0 = new Date('2026-01-01T00:00:00.000Z');
      const at = (ms: number): Date => new Date(t0.getTime() + ms);
      const windowEnd = at(limits.windowMs).toISOString();
      const key = (): string => `attempts-${randomUUID()}`;
      type Granted = Extract<SignInSlot, { granted: true }>;
      const granted = (slot: SignInSlot): Granted => {
        if (!slot.granted) throw new Error(`refused until ${slot.until}`);
        return slot;
      };

      it('has nothing counted for an unknown key', async () => {
        expect(await store.getAttempts(key(), t0)).toEqual({ attempts: 0, inFlight: 0, windowEndsAt: null });
      });

      it('gives out at most the slots of a window, atomically, to attempts that arrive together', async () => {
        const k = key();
        const slots = await Promise.all(Array.from({ length: 50 }, () => store.reserveSignInAttempt(k, t0, limits)));
        const given = slots.filter((slot): slot is Granted => slot.granted);
        expect(given.map((slot) => slot.attempt).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(new Set(given.map((slot) => slot.window)).size).toBe(1);
        expect(slots.filter((slot) => !slot.granted)).toEqual(Array.from({ length: 45 }, () => ({ granted: false, until: windowEnd })));
        expect(await store.getAttempts(k, t0)).toEqual({ attempts: 5, inFlight: 5, windowEndsAt: windowEnd });
      });

      it('counts attempts under way and failed ones alike, and each key apart', async () => {
        const [k, other] = [key(), key()];
        const first = granted(await store.reserveSignInAttempt(k, t0, limits));
        await store.settleSignInAttempt(k, first, { result: 'failed', lockUntil: null });
        for (let i = 0; i < 4; i += 1) granted(await store.reserveSignInAttempt(k, at(1_000), limits));
        expect(await store.getAttempts(k, at(1_000))).toEqual({ attempts: 5, inFlight: 4, windowEndsAt: windowEnd });
        expect(await store.reserveSignInAttempt(k, at(2_000), limits)).toEqual({ granted: false, until: windowEnd });
        expect(granted(await store.reserveSignInAttempt(other, at(2_000), limits)).attempt).toBe(1);
      });

      it('moves the end of the window to the lock a failure asks for, never earlier', async () => {
        const k = key();
        const slots = [];
        for (let i = 0; i < 5; i += 1) slots.push(granted(await store.reserveSignInAttempt(k, t0, limits)));
        const lock = at(limits.windowMs + 60_000).toISOString();
        await store.settleSignInAttempt(k, slots[4], { result: 'failed', lockUntil: lock });
        await store.settleSignInAttempt(k, slots[3], { result: 'failed', lockUntil: at(1_000).toISOString() });
        expect(await store.getAttempts(k, t0)).toEqual({ attempts: 5, inFlight: 3, windowEndsAt: lock });
        expect(await store.reserveSignInAttempt(k, at(limits.windowMs + 1), limits)).toEqual({ granted: false, until: lock });
      });

      it('forgets a window once it ended, attempts under way included, and opens a new one', async () => {
        const k = key();
        const old = granted(await store.reserveSignInAttempt(k, t0, limits));
        for (let i = 0; i < 4; i += 1) granted(await store.reserveSignInAttempt(k, t0, limits));
        expect((await store.reserveSignInAttempt(k, at(limits.windowMs - 1), limits)).granted).toBe(false);
        const next = granted(await store.reserveSignInAttempt(k, at(limits.windowMs), limits));
        expect(next.attempt).toBe(1);
        expect(next.window).not.toBe(old.window);
        expect(await store.getAttempts(k, at(limits.windowMs))).toEqual({ attempts: 1, inFlight: 1, windowEndsAt: at(2 * limits.windowMs).toISOString() });
        // An attempt of the ended window settles without touching the new one.
        await store.settleSignInAttempt(k, old, { result: 'not-checked' });
        await store.settleSignInAttempt(k, old, { result: 'signed-in' });
        expect(await store.getAttempts(k, at(limits.windowMs))).toEqual({ attempts: 1, inFlight: 1, windowEndsAt: at(2 * limits.windowMs).toISOString() });
      });

      it('resets the key on a sign-in when no other check is under way; otherwise the sign-in keeps its slot', async () => {
        const k = key();
        const [a, b] = [granted(await store.reserveSignInAttempt(k, t0, limits)), granted(await store.reserveSignInAttempt(k, t0, limits))];
        await store.settleSignInAttempt(k, a, { result: 'signed-in' });
        expect(await store.getAttempts(k, t0)).toEqual({ attempts: 2, inFlight: 1, windowEndsAt: windowEnd });
        await store.settleSignInAttempt(k, b, { result: 'failed', lockUntil: null });
        const c = granted(await store.reserveSignInAttempt(k, t0, limits));
        expect(c.attempt).toBe(3);
        await store.settleSignInAttempt(k, c, { result: 'signed-in' });
        expect(await store.getAttempts(k, t0)).toEqual({ attempts: 0, inFlight: 0, windowEndsAt: null });
        expect(granted(await store.reserveSignInAttempt(k, t0, limits)).attempt).toBe(1);
      });

      it('gives back the slot of an attempt nothing was checked for; a kept one stays used', async () => {
        const k = key();
        const [a, b] = [granted(await store.reserveSignInAttempt(k, t0, limits)), granted(await store.reserveSignInAttempt(k, t0, limits))];
        await store.settleSignInAttempt(k, a, { result: 'not-checked' });
        await store.settleSignInAttempt(k, b, { result: 'kept' });
        expect(await store.getAttempts(k, t0)).toEqual({ attempts: 1, inFlight: 0, windowEndsAt: windowEnd });
      });

      it('never checks more than the window allows when attempts are reserved and settled all at once', async () => {
        const k = key();
        let checks = 0;
        const attempt = async (): Promise<void> => {
          const slot = await store.reserveSignInAttempt(k, t0, limits);
          if (!slot.granted) return;
          checks += 1;
          await store.settleSignInAttempt(k, slot, { result: 'failed', lockUntil: slot.attempt >= limits.maxAttempts ? windowEnd : null });
        };
        await Promise.all(Array.from({ length: 50 }, attempt));
        expect(checks).toBe(5);
        expect(await store.getAttempts(k, t0)).toEqual({ attempts: 5, inFlight: 0, windowEndsAt: windowEnd });
      });
    });
  });
}
