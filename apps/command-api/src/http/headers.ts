import { hash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, type ApiHeaderOptions } from '@nestjs/swagger';
import { headerOf, pathOf, type HttpRequest } from './http-types';
import { badRequest } from './problem';

export { headerOf };

const header = (context: ExecutionContext, name: string): string | undefined =>
  headerOf(context.switchToHttp().getRequest<HttpRequest>(), name);

/** `Idempotency-Key`: 1 to 200 visible characters. */
export const parseIdempotencyKey = (key: string | undefined): string | undefined => {
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw badRequest('InvalidIdempotencyKey', 'Idempotency-Key must be 1 to 200 visible ASCII characters', [
      { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
  }
  return key;
};

/** `If-Match: "3"` (or `3`): the revision the caller last saw. */
export const parseIfMatch = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  if (!match) {
    throw badRequest('InvalidIfMatch', 'If-Match must be a revision as returned in ETag', [
      { field: 'If-Match', message: 'must be a revision as returned in ETag' },
    ]);
  }
  return Number(match[1]);
};

/** `X-Correlation-Id`, kept when it is a plausible id, ignored otherwise. */
export const parseCorrelationId = (value: string | undefined): string | undefined =>
  value && /^[\x21-\x7e]{1,100}$/.test(value) ? value : undefined;

/** An Idempotency-Key with the fingerprint of the request it came with. */
export interface Idempotency {
  readonly key: string;
  readonly fingerprint: string;
}

// Secrets never enter a fingerprint: it is kept in event metadata, and a fast hash of a password is
// a crackable copy of it.
const SECRET_FIELD = /password|otp|code|secret/i;

const withoutSecrets = (body: unknown): unknown =>
  body !== null && typeof body === 'object' && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body).filter(([name]) => !SECRET_FIELD.test(name)))
    : body;

export const requestFingerprint = (request: HttpRequest): string =>
  hash('sha256', `${request.method} ${pathOf(request.url)}\n${JSON.stringify(withoutSecrets(request.body) ?? null)}`, 'base64url');

export const idempotencyOf = (request: HttpRequest): Idempotency | undefined => {
  const key = parseIdempotencyKey(headerOf(request, 'idempotency-key'));
  return key === undefined ? undefined : { key, fingerprint: requestFingerprint(request) };
};

/**
 * Each header decorator documents the header it reads on the route that uses it, so the OpenAPI
 * document lists exactly the headers a route honours.
 */
export const documentsHeader =
  (...headers: ApiHeaderOptions[]): ParameterDecorator =>
  (target, key) => {
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    for (const header of headers) ApiHeader(header)(target, key, descriptor);
  };

export const IDEMPOTENCY_KEY_HEADER: ApiHeaderOptions = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Makes the command safe to retry: a retry with the same key and body returns the first answer and appends nothing',
  schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]{1,200}$' },
};

export const IF_MATCH_HEADER: ApiHeaderOptions = {
  name: 'If-Match',
  required: false,
  description: 'The revision last seen (the ETag of an answer); the command fails with 412 if the record changed since',
  schema: { type: 'string', pattern: '^\\s*(W/)?"?\\d{1,15}"?\\s*$', example: '"3"' },
};

export const CONSISTENCY_TOKEN_HEADER: ApiHeaderOptions = {
  name: 'X-Consistency-Token',
  required: false,
  description: 'The position a command answered with: the read waits (up to CONSISTENCY_WAIT_MS) until the read models have applied it',
  schema: { type: 'string', pattern: '^\\s*\\d{1,15}\\s*$', example: '42' },
};

export const CORRELATION_ID_HEADER: ApiHeaderOptions = {
  name: 'X-Correlation-Id',
  required: false,
  description: "Kept as the events' correlation id when it is 1 to 100 visible ASCII characters",
  schema: { type: 'string', maxLength: 100 },
};

export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): Idempotency | undefined =>
  idempotencyOf(context.switchToHttp().getRequest<HttpRequest>()),
  [documentsHeader(IDEMPOTENCY_KEY_HEADER)],
);

export const IfMatchRevision = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined =>
  parseIfMatch(header(context, 'if-match')),
  [documentsHeader(IF_MATCH_HEADER)],
);

/** `X-Consistency-Token`: the position a command answered with; the read waits until it is visible. */
export const consistencyTokenOf = (context: ExecutionContext): number | undefined => {
  const value = header(context, 'x-consistency-token');
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) {
    throw badRequest('InvalidConsistencyToken', 'X-Consistency-Token must be a position returned by a command', [
      { field: 'X-Consistency-Token', message: 'must be a position returned by a command' },
    ]);
  }
  return Number(value.trim());
};

export const ConsistencyToken = createParamDecorator((_: unknown, context: ExecutionContext) => consistencyTokenOf(context), [documentsHeader(CONSISTENCY_TOKEN_HEADER)]);

export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined =>
  parseCorrelationId(header(context, 'x-correlation-id')),
  [documentsHeader(CORRELATION_ID_HEADER)],
);
