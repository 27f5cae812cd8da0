/**
 * Headers of every answer, errors and 404s included: browsers must not guess a content type
 * (`nosniff`), and nothing but the public API documentation may be kept by a browser or a proxy
 * (`no-store`): answers carry clinical data and tokens.
 */
export const responseHeadersFor = (path: string): Readonly<Record<string, string>> => ({
  'X-Content-Type-Options': 'nosniff',
  ...(path === '/docs' || path.startsWith('/docs/') ? {} : { 'Cache-Control': 'no-store' }),
});
