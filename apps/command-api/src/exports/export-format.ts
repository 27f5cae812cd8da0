import { acceptedTypes } from '../http/accept';
import { badRequest } from '../http/problem';

export type ExportFormat = 'ndjson' | 'csv';

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
};

/**
 * `?format=` wins; otherwise the Accept header (`text/csv` or `application/x-ndjson`); NDJSON by
 * default. Another `format` value is a 400 naming it.
 */
export const formatOf = (query: string | undefined, accept: string | undefined): ExportFormat => {
  if (query !== undefined) {
    if (query === 'ndjson' || query === 'csv') return query;
    throw badRequest('ValidationFailed', 'The request is not valid', [{ field: 'format', in: 'query', message: 'must be one of ndjson, csv' }]);
  }
  const wanted = acceptedTypes(accept);
  return wanted.includes('text/csv') && !wanted.includes('application/x-ndjson') ? 'csv' : 'ndjson';
};

export { csvField, csvLine, ndjsonLine } from './csv';
