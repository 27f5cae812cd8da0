import { json, type RequestHandler } from 'express';
import { checkBodyMediaType, checkJsonBody, hasBody, isJsonMediaType } from './json-body.check';
import { problem, sendProblem } from './problem';
import { codeOfStatus } from './problem-types';

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
}

/**
 * JSON bodies with a size limit. Express's own error page is HTML; here every body error is a
 * problem+json answer and the request goes no further: a body that is not JSON (415), malformed JSON,
 * anything but an object, too deep, prototype keys or lone surrogates (400). The checks themselves are
 * the framework-free functions of json-body.check.ts.
 */
export const jsonBody = (limit: string): RequestHandler => {
  // Not strict: `null`, `42` or `"text"` are valid JSON, refused below as "a JSON object is required".
  // `+json` types include a PATCH body sent as a JSON merge patch (RFC 7396), whose syntax is JSON's.
  const parse = json({ limit, strict: false, type: (request) => isJsonMediaType(request.headers['content-type']) });
  return (request, response, next) => {
    const unsupported = checkBodyMediaType(request.headers);
    if (unsupported) return sendProblem(response, unsupported);
    parse(request, response, (error?: unknown) => {
      if (!error) {
        const refused = hasBody(request.headers) ? checkJsonBody(request.body) : undefined;
        return refused ? sendProblem(response, refused) : next();
      }
      const { type, status } = error as BodyParserError;
      if (type === 'entity.too.large') {
        return sendProblem(response, problem('PayloadTooLarge', `The body is larger than ${limit}`));
      }
      if (type === 'entity.parse.failed') {
        return sendProblem(response, problem('MalformedJson', 'The body is not valid JSON'));
      }
      if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
        return sendProblem(response, problem('UnsupportedMediaType', 'Unsupported body encoding'));
      }
      return sendProblem(response, problem(codeOfStatus(status && status < 500 ? status : 400), 'Unreadable body'));
    });
  };
};
