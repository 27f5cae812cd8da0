import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { headerOf, type HttpRequest } from './http-types';
import { hasBody, mediaTypeOf } from './json-body.check';
import { isJsonObject, type JsonObject } from './merge-patch';
import { badRequest, problem, ProblemException } from './problem';

export const MERGE_PATCH_MEDIA_TYPES = ['application/merge-patch+json', 'application/json'];

/** The body of a PATCH: a JSON merge patch (RFC 7396), which for a section of a record is an object. */
export const MergePatchBody = createParamDecorator((_: unknown, context: ExecutionContext): JsonObject => {
  const request = context.switchToHttp().getRequest<HttpRequest>();
  // No body at all is an empty patch; a body must be one of the merge patch media types.
  if (hasBody(request.headers) && !MERGE_PATCH_MEDIA_TYPES.includes(mediaTypeOf(headerOf(request, 'content-type')))) {
    throw new ProblemException(problem('UnsupportedMediaType', `A merge patch is sent as ${MERGE_PATCH_MEDIA_TYPES.join(' or ')}`));
  }
  const body: unknown = request.body ?? {};
  if (!isJsonObject(body)) {
    throw badRequest('ValidationFailed', 'The request is not valid', [{ field: 'body', pointer: '', message: 'must be a JSON object (a merge patch of the section)' }]);
  }
  return body;
});
