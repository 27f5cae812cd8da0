import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDto } from './answer.dto';
import { completeDocument } from './openapi-complete';

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly description: string;
}

/** The project's package.json, the nearest above this file: the same from the sources and from dist/. */
const packageJson = (): PackageJson => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
};

// The version and license of the document are the package's own.
const pkg = packageJson();

export const API_TAGS: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'auth', description: 'Sign up and sign in (public)' },
  { name: 'profile', description: "The signed-in user's profile, menu, practices and history" },
  { name: 'security', description: 'Password and 2-step verification of the signed-in user' },
  { name: 'practices', description: 'Practices: create, rename, settings, leave' },
  { name: 'members', description: 'Members of a practice and their roles' },
  { name: 'invitations', description: 'Invitations to join a practice' },
  { name: 'clients', description: 'Creating clients and editing their records' },
  { name: 'charts', description: 'Group charts, members and contacts of a chart' },
  { name: 'contacts', description: 'Contacts of a practice' },
  { name: 'tags', description: 'The tag catalogue of a practice and tags on clients' },
  { name: 'appointments', description: 'Appointments on a chart' },
  { name: 'reads', description: 'Read models: client list, Needs Attention, the chart document, its history and reads' },
  { name: 'health', description: 'Liveness, projection lag and metrics (public)' },
  { name: 'read-models', description: 'The read model collections with their indexes and JSON Schemas' },
  { name: 'reports', description: 'Reports of a practice by period, as JSON or CSV, and who read them' },
  { name: 'notes', description: 'Clinical notes of a chart: versions, signature, addenda; notes awaiting signature' },
  { name: 'billing', description: 'Service catalogue, billing settings, insurance, payments, ledgers and open balances' },
  { name: 'tasks', description: "Tasks on a chart (homework, to-dos) and the practice's overdue tasks" },
  { name: 'document-requests', description: 'Paperwork requested from a chart' },
  { name: 'files', description: 'Documents on a chart: upload (multipart), list, download, delete' },
  { name: 'exports', description: 'Bulk exports at a consistent cut, the change feed of the read models, and their audit record' },
  { name: 'messages', description: 'The outbox of a practice (operators), and the development outbox' },
];

/**
 * The OpenAPI document of the app: built by @nestjs/swagger from the controllers and the DTO classes
 * that also validate, then completed by rules that hold for every route (see openapi-complete.ts).
 */
export const buildOpenApiDocument = (app: INestApplication, serverUrl = '/'): OpenAPIObject => {
  const builder = new DocumentBuilder()
    .setTitle('Practice core API')
    .setDescription(`${pkg.description}. Errors are application/problem+json (RFC 9457) with a stable \`code\`.`)
    .setVersion(pkg.version)
    .setLicense(pkg.license === 'UNLICENSED' ? 'Proprietary (UNLICENSED)' : pkg.license, 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    .addServer(serverUrl, 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken of POST /auth/sign-in' }, 'bearer')
    .addSecurityRequirements('bearer');
  for (const tag of API_TAGS) builder.addTag(tag.name, tag.description);
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ProblemDto], operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
  return completeDocument(document);
};
