import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import fastifyMultipart from '@fastify/multipart';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from '../http/openapi';
import { problem, sendProblem } from '../http/problem';
import { requestIdFrom } from '../http/request-id';
import { validationPipe } from '../http/validation.pipe';
import { answerClientError } from './client-error';
import { AccessLogController, installHttpPipeline, setAnswerHeaders } from './http-pipeline';
import { lazyRequestLogger } from './lazy-request-logger';
import { createLogger, NestPinoLogger, type DestinationStream, type Logger } from './logger';
import type { Runtime } from './runtime';

export interface AppOptions {
  /** The process logger. Unset: one at LOG_LEVEL, writing to `logDestination` (stdout by default). */
  readonly logger?: Logger;
  readonly logDestination?: DestinationStream;
}

/** Longer than any request line Node accepts: a path parameter is never cut short by a 414. */
const MAX_PARAM_LENGTH = 16 * 1024;

/**
 * Builds the HTTP application (Nest on Fastify) over a runtime. The embedded projector has caught up
 * before the app answers, so the first read after a restart already sees every client.
 */
export const createApp = async (runtime: Runtime, options: AppOptions = {}): Promise<NestFastifyApplication> => {
  if (runtime.projector) await runtime.projector.start();
  // The message workflows follow the projector (they look facts up in the read models it keeps).
  if (runtime.messaging) await runtime.messaging.start();
  const { config } = runtime;
  const logger = options.logger ?? createLogger(config.logLevel, options.logDestination);
  const origins = new Set(config.corsOrigins);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new AccessLogController(),
    childLoggerFactory: lazyRequestLogger,
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers['x-request-id']),
    requestIdHeader: false,
    bodyLimit: config.bodyLimit,
    // What Node's HTTP parser refuses (a request line past 16 KB, an unknown method) is a problem too.
    clientErrorHandler: answerClientError,
    // Registered below, after the pipeline has replaced the content-type parsers.
    multipart: false,
    // As Express routed: /clients/ is /clients, and paths are not case-sensitive (nor is the 405 check).
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: MAX_PARAM_LENGTH },
    // A URL the router refuses (malformed) is answered before any hook, and before Nest's error
    // handler: here, as a problem with the headers of every answer.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      setAnswerHeaders(request, reply, origins);
      const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      sendProblem(reply, problem(status === 414 ? 'UriTooLong' : 'BadRequest', 'The URL cannot be read'));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(runtime), adapter, {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
  });

  let document: OpenAPIObject | undefined;
  // Built on first use, once: it serves /docs and is the route list that tells a 405 from a 404.
  const openApiDocument = (): OpenAPIObject => (document ??= buildOpenApiDocument(app));

  installHttpPipeline(app.getHttpAdapter().getInstance(), {
    bodyLimit: config.bodyLimit,
    corsOrigins: config.corsOrigins,
    routePaths: () => openApiDocument().paths,
  });
  // Uploads (multipart/form-data, on the routes of http/multipart-routes.ts) are streamed part by part,
  // never buffered whole. The route counts the bytes against FILE_LIMIT itself, so busboy only has to
  // stop one byte past it.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: config.fileLimit + 1, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 },
  });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
};
