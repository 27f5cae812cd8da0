import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { exactlyOneOfFields } from './one-of.decorator';
import { problemCodes } from './problem-types';

/**
 * Completes the document @nestjs/swagger builds from the decorators, by rules that hold for every
 * route, so nothing is kept twice:
 * - request schemas take their types, formats, bounds, enums and nullability from the class-validator
 *   constraints of the same DTO classes (the checks the ValidationPipe runs), and refuse unknown fields
 *   (`additionalProperties: false`, as the pipe does);
 * - path parameters come from the path template (an `...Id` is a UUID);
 * - every operation may carry X-Request-Id; reads drop the command headers; creations drop If-Match;
 * - the error statuses an operation can answer follow from what it is (public or not, practice-scoped,
 *   with a body, a command, with If-Match), each answered with the one Problem schema.
 */
export const completeDocument = (document: OpenAPIObject): OpenAPIObject => {
  const schemas = (document.components ??= {}).schemas ?? {};
  applyValidatorConstraints(schemas);
  addProblemSchema(document);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      completeParameters(path, method, operation);
      addErrorResponses(path, method, operation);
    }
  }
  return document;
};

// ---- request schemas from class-validator -------------------------------------------------------

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

type Storage = { validationMetadatas: Map<Function, ValidationMetadata[]> };

/** The validator name of a metadata entry: built-in checks carry it, ValidateBy checks name their constraint class. */
const nameOf = (meta: ValidationMetadata): string | undefined => {
  if (meta.name) return meta.name;
  if (meta.type === 'conditionalValidation') return 'conditional';
  if (meta.constraintCls) return getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls)[0]?.name;
  return undefined;
};

/** What each class-validator check says in the schema of the property it validates (`first`: its first constraint). */
const CONSTRAINTS: Readonly<Record<string, (schema: SchemaObject, first: unknown) => void>> = {
  isString: (schema) => void (schema.type = 'string'),
  isEmail: (schema) => void Object.assign(schema, { type: 'string', format: 'email' }),
  isUuid: (schema) => void Object.assign(schema, { type: 'string', format: 'uuid' }),
  isInt: (schema) => void (schema.type = 'integer'),
  isBoolean: (schema) => void (schema.type = 'boolean'),
  minLength: (schema, first) => void (schema.minLength = first as number),
  maxLength: (schema, first) => void (schema.maxLength = first as number),
  min: (schema, first) => void (schema.minimum = first as number),
  max: (schema, first) => void (schema.maximum = first as number),
  isIn: (schema, first) => void (schema.enum = [...(first as unknown[])]),
  arrayMinSize: (schema, first) => void (schema.minItems = first as number),
  arrayMaxSize: (schema, first) => void (schema.maxItems = first as number),
  matches: (schema, first) => {
    const source = (first as RegExp).source;
    Object.assign(schema, { type: 'string' }, source === DATE ? { format: 'date' } : { pattern: source });
  },
};

const constrain = (schema: SchemaObject, name: string, constraints: unknown[]): void => CONSTRAINTS[name]?.(schema, constraints[0]);

const applyValidatorConstraints = (schemas: Record<string, SchemaObject | ReferenceObject>): void => {
  const storage = getMetadataStorage() as unknown as Storage;
  for (const target of storage.validationMetadatas.keys()) {
    const schema = schemas[target.name] as SchemaObject | undefined;
    if (!schema || !schema.properties) continue;
    schema.additionalProperties = false;
    const alternatives = exactlyOneOfFields(target);
    if (alternatives) schema.oneOf = alternatives.map((field) => ({ required: [field] }));
    const metas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    for (const meta of metas) {
      const property = schema.properties[meta.propertyName] as SchemaObject | undefined;
      if (!property || '$ref' in property) {
        if (property && nameOf(meta) === 'isOptional') wrapNullable(schema, meta.propertyName);
        continue;
      }
      const name = nameOf(meta);
      if (name === 'isOptional') {
        property.nullable = true;
        continue;
      }
      if (!name) continue;
      if (property.type === 'object' && !property.properties) delete property.type;
      const each = meta.each && property.type === 'array' && property.items && !('$ref' in property.items);
      constrain(each ? (property.items as SchemaObject) : property, name, meta.constraints ?? []);
    }
  }
};

/** `@IsOptional()` on a nested DTO: null is accepted too. */
const wrapNullable = (schema: SchemaObject, propertyName: string): void => {
  const ref = schema.properties![propertyName] as ReferenceObject;
  schema.properties![propertyName] = { type: 'object', allOf: [ref], nullable: true } as SchemaObject;
};

// ---- parameters ---------------------------------------------------------------------------------

const X_REQUEST_ID: ParameterObject = {
  name: 'X-Request-Id',
  in: 'header',
  required: false,
  description: 'An id for this request, echoed on the answer and in the logs',
  schema: { type: 'string', maxLength: 200 },
};

const completeParameters = (path: string, method: string, operation: OperationObject): void => {
  const parameters = (operation.parameters ??= []) as ParameterObject[];
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    const declared = parameters.find((p) => p.in === 'path' && p.name === name);
    const schema: SchemaObject = name.endsWith('Id') ? { type: 'string', format: 'uuid' } : { type: 'string' };
    if (!declared) parameters.push({ name, in: 'path', required: true, schema });
    else if (name.endsWith('Id')) declared.schema = { ...declared.schema, ...schema };
  }
  const created = Boolean(operation.responses?.['201']);
  operation.parameters = parameters.filter(
    (p) =>
      !(p.in === 'header' && method === 'get' && (p.name === 'Idempotency-Key' || p.name === 'If-Match')) &&
      !(p.in === 'header' && created && p.name === 'If-Match'),
  );
  operation.parameters.push(X_REQUEST_ID);
};

// ---- errors -------------------------------------------------------------------------------------

const PROBLEM_REF = { $ref: '#/components/schemas/ProblemDto' };

const addProblemSchema = (document: OpenAPIObject): void => {
  const problem = document.components!.schemas!.ProblemDto as SchemaObject;
  (problem.properties!.code as SchemaObject).enum = [...problemCodes];
};

const RETRY_AFTER = { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } };

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid (fields, headers, path parameters)',
  401: 'No valid bearer token (or, at sign-in, wrong credentials)',
  403: 'The role of the caller does not allow it',
  404: 'Not found, or not visible to the caller',
  409: 'The current state does not allow it',
  410: 'The record was deleted',
  412: 'The record changed since the revision given in If-Match',
  413: 'The body is larger than BODY_LIMIT',
  415: 'The body is not JSON',
  422: 'A value breaks a domain rule',
  429: 'Too many attempts',
  500: 'Something went wrong on the server',
  503: 'A store is unavailable; try again',
};

const errorStatuses = (path: string, method: string, operation: OperationObject): number[] => {
  const statuses = new Set<number>([400, 500, 503]);
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  const command = method !== 'get';
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  if (!isPublic) statuses.add(401);
  if (path.startsWith('/practices/{practiceId}')) statuses.add(403).add(404);
  if (/\{\w+\}/.test(path)) statuses.add(404);
  if (operation.requestBody) statuses.add(413).add(415).add(422);
  if (command) statuses.add(409).add(410).add(422);
  if (command && path.startsWith('/me')) statuses.add(404);
  if (command && path === '/practices') statuses.add(404);
  if (path.startsWith('/practices/{practiceId}/reports/')) statuses.add(422);
  // An emailed link that is not valid (any more); the development outbox when SMTP_URL is set.
  if (path.endsWith('-link') || path.endsWith('-link/accept') || path.startsWith('/dev/')) statuses.add(404);
  if (parameters.some((p) => p.name === 'If-Match')) statuses.add(412);
  if (path === '/auth/sign-in') statuses.add(401).add(429);
  if (path === '/health' || path === '/metrics') return [500, 503];
  return [...statuses].sort();
};

const addErrorResponses = (path: string, method: string, operation: OperationObject): void => {
  const responses = (operation.responses ??= {});
  for (const status of errorStatuses(path, method, operation)) {
    const response: ResponseObject = {
      description: ERROR_DESCRIPTIONS[status] ?? 'A problem',
      content: { 'application/problem+json': { schema: PROBLEM_REF } },
      ...(status === 429 || status === 503 ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
    };
    responses[String(status)] ??= response;
  }
};
