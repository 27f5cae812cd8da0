import { answerType, preferredType } from './accept';

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

  it('leaves out a range whose q is not a quality (RFC 9110: 0 to 1, at most three decimals)', () => {
    // Each of these counted as q=1 before: CSV was answered.
    expect(preferredType('text/csv;q=abc, application/json;q=0.5', CSV_OR_JSON)).toBe('application/json');
    expect(preferredType('text/csv;q=-1, application/json;q=0.5', CSV_OR_JSON)).toBe('application/json');
    expect(preferredType('text/csv;q=2, application/json;q=0.5', CSV_OR_JSON)).toBe('application/json');
    expect(preferredType('text/csv;q=0.5000', CSV_OR_JSON)).toBeUndefined();
    expect(preferredType('text/csv;q=1.000', CSV_OR_JSON)).toBe('text/csv');
    expect(preferredType('text/csv;level=1;q=0.9, application/json;q=0.8', CSV_OR_JSON)).toBe('text/csv');
  });

  describe('answerType (the first offered type is the default)', () => {
    const JSON_OR_CSV = ['application/json', 'text/csv'] as const;
    const notAcceptable = expect.objectContaining({ name: 'ProblemException', problem: expect.objectContaining({ status: 406, code: 'NotAcceptable' }) });

    it('answers the preferred type, else the default when the header does not refuse it', () => {
      expect(answerType('text/csv;q=0.5, application/json', JSON_OR_CSV)).toBe('application/json');
      expect(answerType('text/csv', JSON_OR_CSV)).toBe('text/csv');
      expect(answerType(undefined, JSON_OR_CSV)).toBe('application/json');
      expect(answerType('*/*', JSON_OR_CSV)).toBe('application/json');
      expect(answerType('text/html', JSON_OR_CSV)).toBe('application/json');
      expect(answerType('text/csv;q=0', JSON_OR_CSV)).toBe('application/json');
    });

    it('never answers a type refused with q=0: another one a wildcard accepts, else 406 NotAcceptable', () => {
      expect(answerType('application/json;q=0, */*', JSON_OR_CSV)).toBe('text/csv');
      expect(answerType('application/json;q=0, text/*;q=0.3', JSON_OR_CSV)).toBe('text/csv');
      expect(() => answerType('application/json;q=0', JSON_OR_CSV)).toThrow(notAcceptable);
      expect(() => answerType('application/json;q=0, text/csv;q=0', JSON_OR_CSV)).toThrow(notAcceptable);
      expect(() => answerType('application/*;q=0, text/*;q=0', JSON_OR_CSV)).toThrow(notAcceptable);
      expect(() => answerType('*/*;q=0', JSON_OR_CSV)).toThrow(notAcceptable);
    });
  });
});
