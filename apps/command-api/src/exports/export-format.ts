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
  const wanted = (accept ?? '').toLowerCase();
  return wanted.includes('text/csv') && !wanted.includes('application/x-ndjson') ? 'csv' : 'ndjson';
};

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; arrays of scalars joined by `;`. */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text =
    Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)
      ? value.join(';')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  // Values stay exact (a warehouse loads them): no spreadsheet-formula escaping of `+1 555…` phones.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}\r\n`;

export const ndjsonLine = (value: unknown): string => `${JSON.stringify(value)}\n`;
