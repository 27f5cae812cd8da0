import type { ReportCell, ReportResult } from '@practice/read-models';

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'`. */
const FORMULA = /^[=+\-@\t\r]/;

const cell = (value: ReportCell | undefined): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180: a header line of the report's columns, then one line per row, CRLF line ends. */
export const reportCsv = (report: ReportResult): string =>
  [report.columns.join(','), ...report.rows.map((row) => report.columns.map((column) => cell(row[column])).join(','))].map((line) => `${line}\r\n`).join('');
