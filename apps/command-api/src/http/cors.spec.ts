import { corsFor } from './cors';

const allowed = new Set(['https://app.example.com', 'http://localhost:5173']);

describe('corsFor', () => {
  describe('with no origins configured (the default)', () => {
    it.each(['https://app.example.com', 'https://evil.example', undefined])('adds nothing for origin %p', (origin) => {
      expect(corsFor(new Set(), 'GET', origin ? { origin } : {})).toEqual({ preflight: false, headers: {} });
      expect(corsFor(new Set(), 'OPTIONS', { ...(origin ? { origin } : {}), 'access-control-request-method': 'POST' })).toEqual({
        preflight: false,
        headers: {},
      });
    });
  });

  describe('with origins configured', () => {
    it('echoes an allowed origin and exposes the headers scripts read', () => {
      expect(corsFor(allowed, 'GET', { origin: 'https://app.example.com' })).toEqual({
        preflight: false,
        headers: {
          Vary: 'Origin',
          'Access-Control-Allow-Origin': 'https://app.example.com',
          'Access-Control-Expose-Headers': 'ETag, Location, X-Consistency-Token, X-Request-Id, Retry-After',
        },
      });
    });

    it('answers a preflight of an allowed origin with the methods and headers', () => {
      const answer = corsFor(allowed, 'OPTIONS', {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, if-match',
      });
      expect(answer.preflight).toBe(true);
      expect(answer.headers).toMatchObject({
        'Access-Control-Allow-Origin': 'http://localhost:5173',
        'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
        'Access-Control-Max-Age': '600',
      });
      for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Consistency-Token', 'X-Request-Id']) {
        expect(answer.headers['Access-Control-Allow-Headers']).toContain(header);
      }
    });

    it.each([
      ['another origin', 'https://evil.example'],
      ['a look-alike', 'https://app.example.com.evil.example'],
      ['another scheme', 'http://app.example.com'],
      ['another port', 'https://app.example.com:8443'],
      ['the null origin', 'null'],
    ])('gives %s nothing but Vary, preflight or not', (_, origin) => {
      expect(corsFor(allowed, 'GET', { origin }).headers).toEqual({ Vary: 'Origin' });
      const preflight = corsFor(allowed, 'OPTIONS', { origin, 'access-control-request-method': 'POST' });
      expect(preflight.preflight).toBe(false);
      expect(preflight.headers['Access-Control-Allow-Origin']).toBeUndefined();
    });

    it('treats an OPTIONS without Access-Control-Request-Method as an ordinary request', () => {
      expect(corsFor(allowed, 'OPTIONS', { origin: 'https://app.example.com' }).preflight).toBe(false);
    });
  });
});
