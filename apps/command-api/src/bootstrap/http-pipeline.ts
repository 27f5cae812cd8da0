import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { runInRequestContext } from '../application/request-context';
import { answerPayload } from '../http/answer-headers.interceptor';
import { corsFor } from '../http/cors';
import { pathOf } from '../http/http-types';
import { checkBodyMediaType, parseJsonBody } from '../http/json-body.check';
import { markCheckedJsonBody } from '../http/checked-json-body';
import { acceptsMultipart } from '../http/multipart-routes';
import { bodilessRoutes, checkNoBody, markRefusedBody } from '../http/bodiless-routes';
import { checkMethod, routeTable, type RoutePaths } from '../http/method-not-allowed';
import { ProblemException, sendProblem } from '../http/problem';
import { responseHeaderEntriesFor } from '../http/response-headers';
import type { AuthenticatedUser } from '../http/auth.guard';

/**
 * The HTTP rules every request goes through before (and after) Nest routes it, on Fastify's own
 * mechanisms: an `onRequest` hook, the one content-type parser, `bodyLimit`, the log controller. The
 * rules themselves are the framework-free functions of ../http.
 */
export interface HttpPipelineOptions {
  readonly bodyLimit: number;
  readonly corsOrigins: readonly string[];
  /** The API's routes (the OpenAPI document's paths): read on first use, once every route exists. */
  readonly routePaths: () => RoutePaths;
}

/** Headers of every answer, set first so that errors, 404s and 405s carry them too. */
export const setAnswerHeaders = (request: FastifyRequest, reply: FastifyReply, origins: ReadonlySet<string>): boolean => {
  reply.header('X-Request-Id', request.id);
  for (const [name, value] of responseHeaderEntriesFor(pathOf(request.url))) reply.header(name, value);
  // No allowed origin (the default): no CORS header and no preflight, whatever the request.
  if (origins.size === 0) return false;
  const cors = corsFor(origins, request.method, request.headers);
  for (const [name, value] of Object.entries(cors.headers)) reply.header(name, value);
  return cors.preflight;
};

export const installHttpPipeline = (fastify: FastifyInstance, options: HttpPipelineOptions): void => {
  const origins = new Set(options.corsOrigins);
  let routes: ReturnType<typeof routeTable> | undefined;

  fastify.addHook('onRequest', (request, reply, done) =>
    // The request id is the context of everything the request does, its events included.
    runInRequestContext({ requestId: request.id }, () => {
      if (setAnswerHeaders(request, reply, origins)) return void reply.code(204).send();
      // A known path with a method it does not have is 405 (or the Allow list, for OPTIONS), not 404.
      if (request.is404) {
        routes ??= routeTable(options.routePaths());
        const check = checkMethod(routes, request.method, pathOf(request.url));
        if (check.kind === 'options') return void reply.header('Allow', check.allow).code(204).send();
        if (check.kind === 'refused') return sendProblem(reply, check.problem!, { Allow: check.allow });
      }
      // 415 before a byte of a body that is not JSON is read (or multipart, on the routes that take it).
      const unsupported = acceptsMultipart(request) ? undefined : checkBodyMediaType(request.headers);
      if (unsupported) return sendProblem(reply, unsupported);
      done();
    }),
  );

  // A body on a route that takes none (no requestBody in the OpenAPI document) is refused, not ignored:
  // found here, answered by NoBodyGuard once the caller is authenticated.
  let bodiless: ReadonlySet<string> | undefined;
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined || request.is404) return done();
    bodiless ??= bodilessRoutes(options.routePaths());
    const refused = bodiless.has(`${request.method} ${request.routeOptions.url}`) ? checkNoBody(request.body) : undefined;
    if (refused) markRefusedBody(request, refused);
    done();
  });

  // ETag, Location and X-Consistency-Token from the HttpAnswer a route returns (no RxJS per request).
  fastify.addHook('preSerialization', (_request, reply, payload, done) => done(null, answerPayload(reply, payload)));

  // Only JSON reaches here (see above), at most bodyLimit bytes (Fastify answers 413 past it). The
  // checks are checkJsonBody's: malformed, not an object, too deep, prototype keys, lone surrogates.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.bodyLimit }, (_request, bytes, done) => {
    const parsed = parseJsonBody(bytes as Buffer);
    if (parsed.problem) return done(new ProblemException(parsed.problem), undefined);
    markCheckedJsonBody(parsed.body);
    done(null, parsed.body);
  });
};

/** An access line's fields: never the URL (its query can hold names), a body, a header or a token. */
export const accessLineOf = (request: FastifyRequest, reply: FastifyReply) => ({
  method: request.method,
  ...(request.is404 ? {} : { route: request.routeOptions.url }),
  status: reply.statusCode,
  durationMs: Math.round(reply.elapsedTime * 100) / 100,
  ...((request as { user?: AuthenticatedUser }).user ? { userId: (request as { user?: AuthenticatedUser }).user!.userId } : {}),
});

type ProcessLogger = FastifyRequest['server']['log'];

/**
 * The logger of the access lines: the process logger's child (same destination, level, time and
 * fields) without its redaction. An access line holds only the flat values of accessLineOf and the
 * request id (a checked token), none of them an object, so the logger's redact paths (`*.email`,
 * `*.password`, ... : a key under an object) can match nothing in it; pino still ran its wildcard
 * redactor on each of the line's values, 2.5% of the server's thread in a profile of POST /clients.
 */
const accessLoggers = new WeakMap<ProcessLogger, ProcessLogger>();
const accessLoggerOf = (log: ProcessLogger): ProcessLogger => {
  let access = accessLoggers.get(log);
  if (!access) accessLoggers.set(log, (access = log.child({}, { redact: [] })));
  return access;
};

/**
 * Fastify's request log lines, replaced by one access line per request, written by the process
 * logger with the request id under `requestId` (the line is the one the request's child logger would
 * write, without making that child: see lazy-request-logger.ts). Other lines of Fastify's keep their
 * defaults.
 */
export class AccessLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const log = accessLoggerOf(request.server.log);
    if (error) log.warn({ requestId: request.id, ...accessLineOf(request, reply), error: error.name }, 'request failed');
    else if ((log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.('info') !== false) log.info({ requestId: request.id, ...accessLineOf(request, reply) }, 'request');
  }
}
