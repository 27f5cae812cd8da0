import { applyDecorators, type Type } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, type HeadersObject } from '@nestjs/swagger';

/** The content of an error answer: the one problem schema. */
export const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } };

/** Response headers of command answers, documented once. */
const ETAG = { description: 'The revision of the changed record: send it back in If-Match', schema: { type: 'string', example: '"3"' } };
const CONSISTENCY_TOKEN = {
  description: 'The log position of the answer: send it back in X-Consistency-Token to read your own write',
  schema: { type: 'string', example: '42' },
};
const LOCATION = { description: 'Where the created record is read', schema: { type: 'string', format: 'uri-reference' } };

const commandHeaders = (location: boolean): HeadersObject => ({
  ETag: ETAG,
  'X-Consistency-Token': CONSISTENCY_TOKEN,
  ...(location ? { Location: LOCATION } : {}),
});

const COMMAND = (summary: string): string =>
  `${summary}. Answers with the ids it created or changed and the log position, with the revision as ETag and the position ` +
  'as X-Consistency-Token; a refusal is application/problem+json with a stable code.';
const READ = (summary: string): string =>
  `${summary}. A read of the read models waits for X-Consistency-Token when it is sent; ` +
  'a refusal is application/problem+json with a stable code.';

/** A command that creates something: 201 with the command answer. */
export const ApiCreated = (summary: string, answer: Type, options: { location?: boolean; description?: string } = {}) =>
  applyDecorators(
    ApiOperation({ summary, description: options.description ?? COMMAND(summary) }),
    ApiResponse({ status: 201, description: 'Accepted and appended', type: answer, headers: commandHeaders(options.location ?? false) }),
  );

/** A command that changes something: 200 with the command answer. */
export const ApiChanged = (summary: string, answer: Type, options: { description?: string } = {}) =>
  applyDecorators(
    ApiOperation({ summary, description: options.description ?? COMMAND(summary) }),
    ApiResponse({ status: 200, description: 'Accepted and appended', type: answer, headers: commandHeaders(false) }),
  );

/** A read: 200 with the document read. */
export const ApiRead = (summary: string, answer: Type, options: { etag?: boolean; description?: string } = {}) =>
  applyDecorators(
    ApiOperation({ summary, description: options.description ?? READ(summary) }),
    ApiResponse({ status: 200, description: 'The document', type: answer, ...(options.etag ? { headers: { ETag: ETAG } } : {}) }),
  );

/** A read answered as text (Prometheus metrics). */
export const ApiReadText = (summary: string, mediaType: string) =>
  applyDecorators(
    ApiOperation({ summary, description: `${summary}, as ${mediaType}.` }),
    ApiProduces(mediaType),
    ApiResponse({ status: 200, description: 'The text', content: { [mediaType]: { schema: { type: 'string' } } } }),
  );

/** A read answered in more than one type, chosen by `Accept`: 406 when the header refuses every one. */
export const ApiNotAcceptable = () =>
  ApiResponse({
    status: 406,
    description: 'Accept refuses every type the route answers (q=0)',
    content: PROBLEM_CONTENT,
  });
