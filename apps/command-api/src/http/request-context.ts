import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Membership } from '@practice/domain';
import type { PracticeRole } from '@practice/events';
import type { AuthenticatedUser } from './auth.guard';
import {
  CORRELATION_ID_HEADER,
  documentsHeader,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyOf,
  IF_MATCH_HEADER,
  parseCorrelationId,
  parseIfMatch,
  type Idempotency,
} from './headers';

/** The parts of a request the context is built from (Express and Fastify requests both have them). */
export interface ContextRequest {
  readonly method: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly params?: unknown;
  readonly body?: unknown;
  readonly user?: AuthenticatedUser;
  readonly membership?: Membership;
}

/**
 * Who calls, in which practice and role, and the headers every command honours. Built here once for
 * every route; a command's envelope is made from it (see CommandSender).
 */
export interface RequestContext {
  readonly actorUserId: string | null;
  /** The practice in the path (`:practiceId`), or null on routes outside a practice. */
  readonly practiceId: string | null;
  /** The caller's membership there, once PracticeMemberGuard has checked it. */
  readonly membership: Membership | null;
  readonly role: PracticeRole | null;
  readonly idempotencyKey: Idempotency | undefined;
  /** If-Match: the revision the caller last saw. */
  readonly ifMatch: number | undefined;
  readonly correlationId: string | undefined;
  /** X-Request-Id, when the request carries one. */
  readonly requestId: string | undefined;
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export const requestContextOf = (request: ContextRequest): RequestContext => {
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const membership = request.membership ?? null;
  return {
    actorUserId: request.user?.userId ?? null,
    practiceId: params.practiceId ?? null,
    membership,
    role: membership?.role ?? null,
    idempotencyKey: idempotencyOf(request as Parameters<typeof idempotencyOf>[0]),
    ifMatch: parseIfMatch(first(request.headers['if-match'])),
    correlationId: parseCorrelationId(first(request.headers['x-correlation-id'])),
    requestId: parseCorrelationId(first(request.headers['x-request-id'])),
  };
};

/** The request context of the current request. */
export const Ctx = createParamDecorator(
  (_: unknown, context: ExecutionContext): RequestContext => requestContextOf(context.switchToHttp().getRequest<ContextRequest>()),
  // The headers the context reads, in the OpenAPI document of each route that takes it (reads and
  // creations drop those they cannot use: see openapi-complete.ts).
  [documentsHeader(IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER, CORRELATION_ID_HEADER)],
);
