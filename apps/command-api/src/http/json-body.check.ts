import { hasLoneSurrogate } from '@practice/domain';
import { jsonPointer, problem, type FieldError, type Problem } from './problem';

/** The deepest nesting a body may have: the deepest real body (a minor's new contact) is 4 levels. */
export const MAX_JSON_DEPTH = 32;

/** Keys that address an object's prototype: refused like any unknown field, at any depth. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 controls (NUL, ESC, ...) have no place in any text of the API; tab and line breaks do (notes). */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const CONTROL_CHARACTER_MESSAGE = 'must not hold control characters (U+0000 to U+001F but tab, line feed and carriage return)';

/** Enough to name the mistakes of a body without echoing 64 kB of them. */
const MAX_ERRORS = 20;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface Node {
  readonly value: unknown;
  readonly path: string;
  readonly segments: readonly (string | number)[];
  readonly depth: number;
}

const pathOf = (parent: string, key: string | number): string => (parent ? `${parent}.${key}` : String(key));

/**
 * Whether a value passes every check below, without building a path or an error: the one pass most
 * bodies need (the walk below allocates a node, a path and a pointer per value; a profile of POST
 * /clients had it at about 1% of the server's thread). Recurses at most MAX_JSON_DEPTH + 1 levels.
 */
const isClean = (value: unknown, depth: number): boolean => {
  if (typeof value === 'string') return !hasLoneSurrogate(value) && !CONTROL_CHARACTER.test(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isClean(item, depth + 1)) return false;
    return true;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (FORBIDDEN_KEYS.has(key) || hasLoneSurrogate(key) || !isClean((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
};

/**
 * Checks a parsed JSON body before anything else reads it (class-transformer and class-validator
 * recurse, and a deep enough body overflows their stack): a JSON object, at most MAX_JSON_DEPTH levels
 * deep, with no prototype keys, no lone surrogates in any key or string and no control characters in
 * any string. Iterative, so a body
 * nested 100,000 levels deep is refused, not a stack overflow. Returns the problem to answer, if any.
 */
export const checkJsonBody = (body: unknown): Problem | undefined => {
  if (isObject(body) && isClean(body, 1)) return undefined;
  // `body` (pointer "": the whole document) names what is wrong, as for every other refused body.
  if (!isObject(body)) {
    return problem('JsonObjectRequired', 'The body must be a JSON object', { errors: [{ field: 'body', pointer: '', message: 'must be a JSON object' }] });
  }
  const errors: FieldError[] = [];
  const stack: Node[] = [{ value: body, path: '', segments: [], depth: 1 }];
  while (stack.length > 0) {
    const { value, path, segments, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value)) errors.push({ field: path, pointer: jsonPointer(segments), message: 'must be valid Unicode text (it holds a lone surrogate)' });
      else if (CONTROL_CHARACTER.test(value)) errors.push({ field: path, pointer: jsonPointer(segments), message: CONTROL_CHARACTER_MESSAGE });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH) {
      return problem('BodyTooDeep', `The body is nested more than ${MAX_JSON_DEPTH} levels deep`, { maxDepth: MAX_JSON_DEPTH });
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = pathOf(path, key);
      const childSegments = [...segments, key];
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        errors.push({ field: childPath, pointer: jsonPointer(childSegments), message: `property ${key} should not exist` });
        continue;
      }
      if (typeof key === 'string' && hasLoneSurrogate(key)) {
        errors.push({ field: childPath, pointer: jsonPointer(childSegments), message: 'the name must be valid Unicode text (it holds a lone surrogate)' });
        continue;
      }
      stack.push({ value: child, path: childPath, segments: childSegments, depth: depth + 1 });
    }
  }
  if (errors.length === 0) return undefined;
  errors.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return problem('ValidationFailed', `${errors.length} field${errors.length === 1 ? ' is' : 's are'} not valid`, { errors: errors.slice(0, MAX_ERRORS) });
};

/** The media type of a Content-Type, lower case, without its parameters (`''` when there is none). */
export const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** `application/json` or a `+json` type, whatever its parameters. */
export const isJsonMediaType = (contentType: string | undefined): boolean => {
  const type = mediaTypeOf(contentType);
  return type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
};

/** The `charset` parameter of a Content-Type, lower case, if it has one. */
const charsetOf = (contentType: string): string | undefined =>
  /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();

type Headers = Readonly<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Whether a request carries a body, from its headers (RFC 9112 section 6.3). */
export const hasBody = (headers: Headers): boolean =>
  headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');

/**
 * A body that is not JSON, on an API that only reads JSON: 415, before anything reads it. JSON is
 * UTF-8 (RFC 8259), and a compressed body is not read either.
 */
export const checkBodyMediaType = (headers: Headers): Problem | undefined => {
  if (!hasBody(headers)) return undefined;
  const contentType = single(headers['content-type']);
  if (!isJsonMediaType(contentType)) return problem('UnsupportedMediaType', 'The body must be JSON (Content-Type: application/json)');
  const charset = charsetOf(contentType!);
  const encoding = single(headers['content-encoding'])?.trim().toLowerCase();
  if ((charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') || (encoding !== undefined && encoding !== '' && encoding !== 'identity')) {
    return problem('UnsupportedMediaType', 'Unsupported body encoding: send UTF-8 JSON, uncompressed');
  }
  return undefined;
};

export type ParsedBody = { readonly body: unknown; readonly problem?: undefined } | { readonly body?: undefined; readonly problem: Problem };

// JSON is UTF-8 (RFC 8259): bytes that are not are refused, never read as U+FFFD. A BOM is kept (and refused by JSON.parse).
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The bytes (or text) of a JSON body, parsed and checked (checkJsonBody): the body, or the problem to
 * answer. An empty body is no body. `null`, `42` or `"text"` are valid JSON, refused as "a JSON object
 * is required"; prototype keys are parsed as plain keys (JSON.parse), then refused by name.
 */
export const parseJsonBody = (raw: string | Uint8Array): ParsedBody => {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : UTF8.decode(raw);
  } catch {
    return { problem: problem('MalformedJson', 'The body is not valid UTF-8') };
  }
  if (text === '') return { body: undefined };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: problem('MalformedJson', 'The body is not valid JSON') };
  }
  const refused = checkJsonBody(body);
  return refused ? { problem: refused } : { body };
};
