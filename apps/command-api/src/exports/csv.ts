// No imports: the report CLI writes its files with these and loads nothing else of the API for them.

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
