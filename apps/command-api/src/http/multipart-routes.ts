import { mediaTypeOf } from './json-body.check';

/**
 * The routes that take `multipart/form-data` (file uploads), as Fastify names them. Every other route
 * reads JSON only; on these, a multipart body skips the JSON checks and is streamed by the route itself
 * (@fastify/multipart), never parsed whole.
 */
export const MULTIPART_ROUTES: ReadonlySet<string> = new Set(['POST /practices/:practiceId/charts/:chartId/files']);

interface RoutedRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly routeOptions: { readonly url?: string };
}

export const acceptsMultipart = (request: RoutedRequest): boolean => {
  const contentType = request.headers['content-type'];
  return (
    mediaTypeOf(Array.isArray(contentType) ? contentType[0] : contentType) === 'multipart/form-data' &&
    MULTIPART_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)
  );
};
