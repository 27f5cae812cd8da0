/**
 * Headers of every answer, errors and 404s included: browsers must not guess a content type
 * (`nosniff`), and nothing but the public API documentation may be kept by a browser or a proxy
 * (`no-store`): answers carry clinical data and tokens.
 */
export const responseHeadersFor = (path: string): Readonly<Record<string, string>> => (isDocumentation(path) ? DOCUMENTATION : API);

const isDocumentation = (path: string): boolean => path === '/docs' || path.startsWith('/docs/');
const API: Readonly<Record<string, string>> = Object.freeze({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
const DOCUMENTATION: Readonly<Record<string, string>> = Object.freeze({ 'X-Content-Type-Options': 'nosniff' });
const entriesOf = (headers: Readonly<Record<string, string>>) => Object.freeze(Object.entries(headers).map(([name, value]) => Object.freeze([name, value] as const)));
const API_ENTRIES = entriesOf(API);
const DOCUMENTATION_ENTRIES = entriesOf(DOCUMENTATION);

/**
 * The same headers as name/value pairs made once (every answer sets them: a new object and its
 * entries per request were 1-2% of the server's thread in a profile of POST /clients).
 */
export const responseHeaderEntriesFor = (path: string): readonly (readonly [string, string])[] => (isDocumentation(path) ? DOCUMENTATION_ENTRIES : API_ENTRIES);
