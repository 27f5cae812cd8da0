import { answerType } from '../http/accept';
import { badRequest } from '../http/problem';

export type ExportFormat = 'ndjson' | 'csv';

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
};

/**
 * `?format=` wins; otherwise the type the Accept header prefers (`text/csv` or `application/x-ndjson`,
 * qualities weighed); NDJSON by default, 406 NotAcceptable when Accept refuses both. Another `format`
 * value is a 400 naming it.
 */
export const formatOf = (query: string | undefined, accept: string | undefined): ExportFormat => {
  if (query !== undefined) {
    if (query === 'ndjson' || query === 'csv') return query;
    throw badRequest('ValidationFailed', 'The request is not valid', [{ field: 'format', in: 'query', message: 'must be one of ndjson, csv' }]);
  }
  return answerType(accept, [EXPORT_MEDIA_TYPES.ndjson, EXPORT_MEDIA_TYPES.csv]) === EXPORT_MEDIA_TYPES.csv ? 'csv' : 'ndjson';
};

export { csvField, csvLine, ndjsonLine } from './csv';
