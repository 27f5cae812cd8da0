import { jsonPointer, problem, type Problem } from './problem';
import type { RoutePaths } from './method-not-allowed';

const BODY_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/**
 * The routes that take no body, as the OpenAPI document says (an operation without `requestBody`),
 * keyed `METHOD /fastify/:template` as Fastify names a matched route (`request.routeOptions.url`).
 */
export const bodilessRoutes = (paths: RoutePaths): ReadonlySet<string> => {
  const keys = new Set<string>();
  for (const [template, operations] of Object.entries(paths)) {
    const route = template.replace(/\{([^}/]+)\}/g, ':$1');
    for (const method of BODY_METHODS) {
      const operation = (operations as Record<string, { requestBody?: unknown } | undefined>)[method];
      if (operation !== undefined && operation.requestBody === undefined) keys.add(`${method.toUpperCase()} ${route}`);
    }
  }
  return keys;
};

/** The refusals found for requests (the pipeline's hook), answered once the caller is authenticated (NoBodyGuard). */
const refusedBodies = new WeakMap<object, Problem>();

export const markRefusedBody = (request: object, refusal: Problem): void => {
  refusedBodies.set(request, refusal);
};

export const refusedBodyOf = (request: object): Problem | undefined => refusedBodies.get(request);

/**
 * A body sent to a route that takes none is refused like any unknown field (400 `ValidationFailed`
 * naming each field), not ignored: the caller meant something by it. An absent body and `{}` pass.
 * The pipeline has already refused a body that is not a JSON object (json-body.check.ts).
 */
export const checkNoBody = (body: unknown): Problem | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = Object.keys(body);
  if (fields.length === 0) return undefined;
  return problem('ValidationFailed', `This route takes no body: ${fields.length} field${fields.length === 1 ? ' is' : 's are'} not valid`, {
    errors: fields.slice(0, 20).map((field) => ({ field, pointer: jsonPointer([field]), message: `property ${field} should not exist` })),
  });
};
