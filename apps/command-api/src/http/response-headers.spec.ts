import { responseHeaderEntriesFor, responseHeadersFor } from './response-headers';

describe('responseHeadersFor', () => {
  it.each(['/auth/sign-in', '/auth/sign-up', '/practices/p1/charts/c1', '/me', '/nowhere', '/health', '/docsx'])(
    '%s: nosniff and no-store',
    (path) => expect(responseHeadersFor(path)).toEqual({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }),
  );

  it.each(['/docs', '/docs/openapi.json'])('%s (public documentation): nosniff only', (path) =>
    expect(responseHeadersFor(path)).toEqual({ 'X-Content-Type-Options': 'nosniff' }),
  );
});

describe('responseHeaderEntriesFor', () => {
  it.each(['/practices/p1/clients', '/docs', '/docs/openapi.json', '/docsx'])('%s: the pairs of responseHeadersFor', (path) =>
    expect(responseHeaderEntriesFor(path)).toEqual(Object.entries(responseHeadersFor(path))),
  );
});
