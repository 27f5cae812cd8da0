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

  describe('the HTTP settings', () => {
    it('defaults: 64 KiB bodies, info logs, CORS closed, metrics on 127.0.0.1:9464', () => {
      expect(loadConfig({ DATA_DIR: dir })).toMatchObject({
        bodyLimit: 65536,
        logLevel: 'info',
        corsOrigins: [],
        metricsPort: 9464,
        metricsHost: '127.0.0.1',
      });
    });

    it.each([
      ['1000', 1000],
      ['64kb', 65536],
      ['1MB', 1048576],
      ['1.5kb', 1536],
    ])('reads BODY_LIMIT=%s as %i bytes', (value, bytes) => expect(loadConfig({ DATA_DIR: dir, BODY_LIMIT: value }).bodyLimit).toBe(bytes));

    it.each(['lots', '0', '-1kb', '64 parsecs'])('refuses BODY_LIMIT=%s', (value) =>
      expect(() => loadConfig({ DATA_DIR: dir, BODY_LIMIT: value })).toThrow(/BODY_LIMIT must be/),
    );

    it('takes LOG_LEVEL, and refuses one pino does not have', () => {
      expect(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
      expect(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
      expect(() => loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
    });

    it('takes CORS_ORIGINS as origins, normalised, without repeats', () => {
      const config = loadConfig({ DATA_DIR: dir, CORS_ORIGINS: ' https://App.Example.com ,http://localhost:5173,https://app.example.com:443/,' });
      expect(config.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    });

    it.each(['*', 'app.example.com', 'https://app.example.com/path', 'ftp://app.example.com', 'https://user:pw@app.example.com', 'https://app.example.com?x=1'])(
      'refuses the CORS_ORIGINS entry %p',
      (entry) => expect(() => loadConfig({ DATA_DIR: dir, CORS_ORIGINS: `https://ok.example, ${entry}` })).toThrow(/CORS_ORIGINS/),
    );

    it('takes METRICS_PORT and METRICS_HOST, and refuses a port that is not one', () => {
      expect(loadConfig({ DATA_DIR: dir, METRICS_PORT: '9100', METRICS_HOST: '0.0.0.0' })).toMatchObject({ metricsPort: 9100, metricsHost: '0.0.0.0' });
      expect(() => loadConfig({ DATA_DIR: dir, METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
      expect(() => loadConfig({ DATA_DIR: dir, METRICS_PORT: 'metrics' })).toThrow(/METRICS_PORT/);
    });

    it('takes FILE_LIMIT as a size (default 25 MiB), and refuses one that is not', () => {
      expect(loadConfig({ DATA_DIR: dir }).fileLimit).toBe(25 * 1024 * 1024);
      expect(loadConfig({ DATA_DIR: dir, FILE_LIMIT: '10mb' }).fileLimit).toBe(10 * 1024 * 1024);
      expect(loadConfig({ DATA_DIR: dir, FILE_LIMIT: '4096' }).fileLimit).toBe(4096);
      expect(() => loadConfig({ DATA_DIR: dir, FILE_LIMIT: 'huge' })).toThrow(/FILE_LIMIT must be/);
    });
  });
});
