import { DomainError, invalid } from '@practice/domain';
import type { CommandRunner } from '../application/command-runner';
import { shownFile } from '../files/chart-files';
import { badRequest } from '../http/problem';

/** The image types a profile photo may be (of the Files allow-list). */
const PHOTO_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/heic']);

/**
 * The photo reference of a `PUT …/photo` body. `fileId`: an image shown on this chart's Files tab (folded
 * from its own stream), referenced by its download path; a file of another chart or practice, or a deleted
 * one, is 404 `FileNotFound`, one that is not an image 422 naming `/fileId`. Otherwise the `photoRef` sent.
 */
export const photoRefOf = async (
  runner: CommandRunner,
  call: { readonly practiceId: string; readonly chartId: string },
  body: { readonly photoRef?: string; readonly fileId?: string },
): Promise<string> => {
  if (body.fileId === undefined) return body.photoRef as string;
  if (body.photoRef !== undefined) throw badRequest('ValidationFailed', '1 field is not valid', [{ field: 'fileId', message: 'send fileId or photoRef, not both' }]);
  const file = await shownFile(runner, call.practiceId, call.chartId, body.fileId).catch((error: unknown) => {
    if (error instanceof DomainError) throw new DomainError(error.code, error.kind, error.message, [{ field: 'fileId', message: 'is not a file of this chart' }]);
    throw error;
  });
  if (!PHOTO_TYPES.has(file.contentType)) throw invalid('InvalidValue', 'fileId', 'must be an image (PNG, JPEG or HEIC)');
  return `/practices/${call.practiceId}/charts/${call.chartId}/files/${body.fileId}`;
};
