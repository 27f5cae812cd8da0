import 'reflect-metadata';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { jsonBody } from '../http/json-body.middleware';
import { methodNotAllowed } from '../http/method-not-allowed';
import { buildOpenApiDocument } from '../http/openapi';
import { responseHeaders } from '../http/response-headers';
import { validationPipe } from '../http/validation.pipe';
import type { Runtime } from './runtime';

/**
 * Builds the HTTP application over a runtime. The embedded projector has caught up before the app
 * answers, so the first read after a restart already sees every client.
 */
export const createApp = async (
  runtime: Runtime,
  logger: LogLevel[] = ['error', 'warn', 'log'],
): Promise<NestExpressApplication> => {
  if (runtime.projector) await runtime.projector.start();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    bodyParser: false,
    logger,
  });
  app.disable('x-powered-by');

  let document: OpenAPIObject | undefined;
  // Built on first use, once: it serves /docs and is the route list that tells a 405 from a 404.
  const openApiDocument = (): OpenAPIObject => (document ??= buildOpenApiDocument(app));

  app.use(responseHeaders());
  app.use(methodNotAllowed(() => openApiDocument().paths));
  app.use(jsonBody(runtime.config.bodyLimit));
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
};
