import { isUuid } from '../http/practice-member.guard';
import { badRequest } from '../http/problem';

/** An id in the path that is not even a UUID names nothing: a 400 that names the parameter. */
export const uuidParam = (value: string, field: string): string => {
  if (!isUuid(value)) throw badRequest('ValidationFailed', 'The request is not valid', [{ field, in: 'path', message: 'must be a UUID' }]);
  return value;
};
