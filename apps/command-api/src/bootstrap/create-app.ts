import 'reflect-metadata';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { jsonBody } from '../http/json-body.middleware';
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
  app.use(jsonBody(runtime.config.bodyLimit));
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Practice core API')
    .setDescription('Commands and read models of the practice-management core')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
};
