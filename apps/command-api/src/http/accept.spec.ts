import { preferredType } from './accept';

const CSV_OR_JSON = ['text/csv', 'application/json'];

describe('preferredType', () => {
  it('takes the offered type the header names, without parameters and in any case', () => {
    expect(preferredType('Text/CSV; charset=utf-8', CSV_OR_JSON)).toBe('text/csv');
    expect(preferredType('application/xml, application/json', CSV_OR_JSON)).toBe('application/json');
    expect(preferredType(undefined, CSV_OR_JSON)).toBeUndefined();
    expect(preferredType('*/*', CSV_OR_JSON)).toBeUndefined();
  });

  it('weighs the qualities, the first named among equals', () => {
    expect(preferredType('text/csv;q=0.5, application/json', CSV_OR_JSON)).toBe('application/json');
    expect(preferredType('application/json;q=0.1, text/csv;q=0.9', CSV_OR_JSON)).toBe('text/csv');
    expect(preferredType('text/csv, application/json', CSV_OR_JSON)).toBe('text/csv');
    expect(preferredType('application/json, text/csv', CSV_OR_JSON)).toBe('application/json');
  });

  it('never takes a type refused with q=0', () => {
    expect(preferredType('text/csv;q=0, application/xml', CSV_OR_JSON)).toBeUndefined();
    expect(preferredType('text/csv; q=0.000, application/json;q=0.2', CSV_OR_JSON)).toBe('application/json');
    expect(preferredType('text/csv;q=0.001', CSV_OR_JSON)).toBe('text/csv');
  });
});
