import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  let dir: string;
  const production = { EVENTSTORE_URL: 'esdb://localhost:2113?tls=false', MONGODB_URL: 'mongodb://localhost:27017/practice' };
  const tokenSecret = 'a-test-secret-that-is-long-enough-for-hs256-0123456789';
  const key = randomBytes(32);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'config-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('with production engines (EVENTSTORE_URL / MONGODB_URL)', () => {
    it.each([
      ['EVENTSTORE_URL and MONGODB_URL', production],
      ['EVENTSTORE_URL', { EVENTSTORE_URL: production.EVENTSTORE_URL }],
      ['MONGODB_URL', { MONGODB_URL: production.MONGODB_URL }],
    ])('refuses to start without SECRETS_KEY (%s set)', (_, engines) => {
      expect(() => loadConfig({ ...engines, DATA_DIR: dir, TOKEN_SECRET: tokenSecret })).toThrow(ConfigError);
      expect(() => loadConfig({ ...engines, DATA_DIR: dir, TOKEN_SECRET: tokenSecret })).toThrow(/SECRETS_KEY is required/);
    });

    it('refuses a SECRETS_KEY that is not the base64 of 32 bytes', () => {
      for (const bad of [randomBytes(16).toString('base64'), 'not base64 at all!', `${key.toString('base64')}AAAA`]) {
        expect(() => loadConfig({ ...production, DATA_DIR: dir, TOKEN_SECRET: tokenSecret, SECRETS_KEY: bad })).toThrow(/SECRETS_KEY must be/);
      }
    });

    it('refuses to start without TOKEN_SECRET', () => {
      expect(() => loadConfig({ ...production, DATA_DIR: dir, SECRETS_KEY: key.toString('base64') })).toThrow(/TOKEN_SECRET is required/);
    });

    it('takes SECRETS_KEY and previous keys of a rotation, and writes no key file', () => {
      const previous = randomBytes(32);
      const config = loadConfig({ ...production, DATA_DIR: dir, TOKEN_SECRET: tokenSecret, SECRETS_KEY: key.toString('base64'), SECRETS_KEY_PREVIOUS: previous.toString('base64') });
      expect(config.secretsKeys).toEqual({ current: key, previous: [previous] });
      expect(() => statSync(join(dir, 'secrets-key'))).toThrow();
    });
  });

  describe('embedded default', () => {
    it('generates the secrets key once under DATA_DIR, readable by its owner only, and keeps it', () => {
      const first = loadConfig({ DATA_DIR: dir });
      expect(first.secretsKeys.current).toHaveLength(32);
      expect(statSync(join(dir, 'secrets-key')).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(join(dir, 'secrets-key'), 'utf8'), 'base64')).toEqual(first.secretsKeys.current);
      expect(loadConfig({ DATA_DIR: dir }).secretsKeys.current).toEqual(first.secretsKeys.current);
    });

    it('prefers SECRETS_KEY when it is set', () => {
      expect(loadConfig({ DATA_DIR: dir, SECRETS_KEY: key.toString('base64') }).secretsKeys.current).toEqual(key);
    });
  });
});
