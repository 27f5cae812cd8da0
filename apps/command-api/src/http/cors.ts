import type { RequestHeaders } from './http-types';

/** The request headers a browser may send from an allowed origin. */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'X-Consistency-Token',
  'X-Correlation-Id',
  'X-Request-Id',
] as const;

/** The answer headers a script of an allowed origin may read. */
export const CORS_EXPOSED_HEADERS = ['ETag', 'Location', 'X-Consistency-Token', 'X-Request-Id', 'Retry-After'] as const;

export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** How long a browser may keep a preflight's answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

export interface CorsAnswer {
  /** A preflight from an allowed origin: answered 204 with `headers`, and the request goes no further. */
  readonly preflight: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * CORS for a request (Fetch standard): none unless its Origin is one of `allowedOrigins`, which is
 * then echoed (never `*`; no credentials: the API reads bearer tokens, not cookies). An empty list
 * keeps CORS closed. A preflight (OPTIONS with Access-Control-Request-Method) from an allowed origin
 * is answered with the methods and headers; other requests get the headers scripts may read.
 */
export const corsFor = (allowedOrigins: ReadonlySet<string>, method: string, headers: RequestHeaders): CorsAnswer => {
  if (allowedOrigins.size === 0) return { preflight: false, headers: {} };
  const origin = single(headers.origin);
  const preflight = method.toUpperCase() === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
  const vary = preflight ? 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' : 'Origin';
  if (origin === undefined || !allowedOrigins.has(origin)) return { preflight: false, headers: { Vary: vary } };
  if (preflight) {
    return {
      preflight: true,
      headers: {
        Vary: vary,
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': CORS_METHODS.join(', '),
        'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
        'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
      },
    };
  }
  return {
    preflight: false,
    headers: { Vary: vary, 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', ') },
  };
};
