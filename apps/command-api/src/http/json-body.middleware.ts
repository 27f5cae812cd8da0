import { json, type RequestHandler } from 'express';
import { problem, sendProblem } from './problem';

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
}

/**
 * JSON bodies with a size limit. Express's own error page is HTML; here every body error is a
 * problem+json answer and the request goes no further.
 */
export const jsonBody = (limit: string): RequestHandler => {
  // A PATCH body may also come as a JSON merge patch (RFC 7396); its syntax is JSON's.
  const parse = json({ limit, strict: true, type: ['application/json', 'application/merge-patch+json'] });
  return (request, response, next) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const { type, status } = error as BodyParserError;
      if (type === 'entity.too.large') {
        return sendProblem(response, problem(413, 'PayloadTooLarge', `The body is larger than ${limit}`));
      }
      if (type === 'entity.parse.failed') {
        return sendProblem(response, problem(400, 'MalformedJson', 'The body is not valid JSON'));
      }
      if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
        return sendProblem(response, problem(415, 'UnsupportedMediaType', 'Unsupported body encoding'));
      }
      return sendProblem(response, problem(status && status < 500 ? status : 400, 'BadRequest', 'Unreadable body'));
    });
};
