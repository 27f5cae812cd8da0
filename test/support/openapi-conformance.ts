import { appendFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'supertest';

/**
 * Checks every answer a suite receives against the OpenAPI document of the app: the operation
 * (method and path template) must document the status, and the body must match the schema documented
 * for it. A route the document does not hold (a 404 for an unknown path, a 405) is not checked.
 */
export class OpenApiConformance {
  private readonly ajv: Ajv;
  private readonly routes: { method: string; pattern: RegExp; template: string }[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  checked = 0;

  constructor(private readonly document: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ components: document.components } as object, 'openapi');
    for (const [template, item] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
      for (const method of Object.keys(item)) this.routes.push({ method, pattern, template });
    }
  }

  /** Throws (failing the test that received it) when the answer does not match the document. */
  check(method: string, url: string, response: Response): void {
    const path = new URL(url, 'http://localhost').pathname;
    const route = this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    if (!route) return;
    const label = `${method.toUpperCase()} ${route.template} -> ${response.status}`;
    const responses = this.document.paths[route.template]![route.method as 'get']!.responses;
    const documented = responses[String(response.status)];
    if (!documented) throw new Error(`OpenAPI: ${label} is not a documented answer`);
    this.checked += 1;
    if ('$ref' in documented || !documented.content) return;
    const mediaType = String(response.headers['content-type'] ?? '').split(';')[0].trim();
    const content = documented.content[mediaType];
    if (!content) throw new Error(`OpenAPI: ${label} answered ${mediaType}, documented ${Object.keys(documented.content).join(', ')}`);
    if (!content.schema || mediaType.startsWith('text/')) return;
    if (isBinary(content.schema)) {
      // A binary answer (a PDF): the bytes are the body; a suite must read it as bytes to have it checked.
      if (!Buffer.isBuffer(response.body) || response.body.length === 0) throw new Error(`OpenAPI: ${label} is binary (${mediaType}): read it with .buffer(true).parse(...)`);
      return;
    }
    const validate = this.validator(`${route.method} ${route.template} ${response.status} ${mediaType}`, content.schema);
    if (!validate(response.body)) {
      throw new Error(`OpenAPI: ${label} does not match its schema: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(response.body).slice(0, 2000)}`);
    }
  }

  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      const rewritten = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/'));
      validate = this.ajv.compile(rewritten);
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** Adds this app's count to the run's tally (the summary reporter prints it). */
  report(): void {
    const log = process.env.OPENAPI_CONFORMANCE_LOG;
    if (log && this.checked > 0) appendFileSync(log, `${this.checked}\n`);
    this.checked = 0;
  }
}

/** `{type: string, format: binary}`: a body of bytes, not JSON. */
const isBinary = (schema: object): boolean => (schema as { type?: string }).type === 'string' && (schema as { format?: string }).format === 'binary';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/** A supertest agent whose every answer goes through `conformance.check` before the test sees it. */
export const checkedAgent = <T extends object>(agent: T, conformance: OpenApiConformance): T =>
  new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !(METHODS as readonly string[]).includes(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const test = value.apply(target, args) as PromiseLike<Response> & { method: string; url: string };
        const then = test.then.bind(test);
        test.then = ((onFulfilled, onRejected) =>
          then((response) => {
            conformance.check(test.method, test.url, response);
            return response;
          }).then(onFulfilled, onRejected)) as typeof test.then;
        return test;
      };
    },
  });
