import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { problem, ProblemException } from '../http/problem';
import type { IncomingFile } from './file.commands';

/** The form field an upload's file goes in. */
export const FILE_FIELD = 'file';

export const fileRequired = (detail: string): ProblemException =>
  new ProblemException(problem('FileRequired', detail, { errors: [{ field: FILE_FIELD, message: 'must be one file part named file' }] }));

/** The request is not multipart at all (JSON sent to the upload route). */
const notMultipart = (): ProblemException =>
  new ProblemException(problem('UnsupportedMediaType', 'An upload is multipart/form-data with one file part named file'));

/** A malformed multipart body: the client's mistake, a 400. */
export const malformedUpload = (): ProblemException => new ProblemException(problem('BadRequest', 'The multipart body cannot be read'));

/**
 * The upload's one file part, found without reading its content (which the handler then streams):
 * multipart or 415, a file part named `file` first or 400 `FileRequired`. Whether another part (a
 * second file, a field) follows is known once the content is read: `morePartsFollow`.
 */
export const filePartOf = async (request: FastifyRequest): Promise<IncomingFile> => {
  if (!request.isMultipart()) throw notMultipart();
  const parts = request.parts();
  let first: IteratorResult<Multipart>;
  try {
    first = await parts.next();
  } catch {
    throw malformedUpload();
  }
  if (first.done) throw fileRequired('The upload has no file part');
  const part = first.value;
  if (part.type !== 'file') throw fileRequired(`The upload has a field ${JSON.stringify(part.fieldname.slice(0, 50))} besides the file`);
  if (part.fieldname !== FILE_FIELD) {
    part.file.resume();
    throw fileRequired(`The file part is named ${JSON.stringify(part.fieldname.slice(0, 50))}, not file`);
  }
  const morePartsFollow = async (): Promise<boolean> => {
    try {
      return !(await parts.next()).done;
    } catch {
      // A second file is past the parser's limit of one: it ends the parts with an error.
      return true;
    }
  };
  return { fileName: part.filename, declaredType: part.mimetype, content: part.file, morePartsFollow };
};
