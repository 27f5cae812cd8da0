import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { problem, ProblemException } from '../http/problem';
import type { IncomingFile } from './file.commands';

/** The form field an upload's file goes in. */
export const FILE_FIELD = 'file';

const fileRequired = (detail: string): ProblemException =>
  new ProblemException(problem('FileRequired', detail, { errors: [{ field: FILE_FIELD, message: 'must be one file part named file' }] }));

/** The request is not multipart at all (JSON sent to the upload route). */
const notMultipart = (): ProblemException =>
  new ProblemException(problem('UnsupportedMediaType', 'An upload is multipart/form-data with one file part named file'));

/** A malformed multipart body: the client's mistake, a 400. */
export const malformedUpload = (): ProblemException => new ProblemException(problem('BadRequest', 'The multipart body cannot be read'));

/**
 * The upload's one file part, found without reading its content (which the handler then streams):
 * multipart or 415, a file part named `file` or 400 `FileRequired`.
 */
export const filePartOf = async (request: FastifyRequest): Promise<IncomingFile> => {
  if (!request.isMultipart()) throw notMultipart();
  let part: MultipartFile | undefined;
  try {
    part = await request.file();
  } catch {
    throw malformedUpload();
  }
  if (!part) throw fileRequired('The upload has no file part');
  if (part.fieldname !== FILE_FIELD) {
    part.file.resume();
    throw fileRequired(`The file part is named ${JSON.stringify(part.fieldname.slice(0, 50))}, not file`);
  }
  return { fileName: part.filename, declaredType: part.mimetype, content: part.file };
};
