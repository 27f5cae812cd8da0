import { exportDatasets } from './export-datasets';
import { exportDatasetNames } from './export-dataset-names';
import { csvField, csvLine } from './csv';
import { formatOf } from './export-format';

describe('Export datasets', () => {
  it('are the names the report CLI knows, in the same order', () => {
    expect([...exportDatasets.keys()]).toEqual(exportDatasetNames);
  });

  it('name every key of a row among their CSV columns', () => {
    const doc = {
      _id: 'c-1',
      _position: 3,
      practiceId: 'p-1',
      kind: 'individual',
      appointments: [{ appointmentId: 'a-1', start: '2030-01-01T10:00:00.000Z', durationMinutes: 50, practitionerId: 'u-1', status: 'booked' }],
      payments: [{ paymentId: 'p-1', amount: 100, currency: 'USD', method: 'cash', date: '2030-01-01', reference: null, refunded: 0, applications: [], refunds: [] }],
    };
    for (const dataset of exportDatasets.values()) {
      for (const { row } of dataset.rows(doc)) {
        for (const key of Object.keys(row)) expect({ dataset: dataset.name, key, known: dataset.columns.includes(key) }).toEqual({ dataset: dataset.name, key, known: true });
      }
    }
  });
});

describe('CSV (RFC 4180)', () => {
  it('quotes a field with a comma, a quote or a line break, and doubles its quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Hopper, Grace')).toBe('"Hopper, Grace"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes null as empty, scalar lists joined by ";", objects as JSON, and ends a line with CRLF', () => {
    expect(csvLine([null, ['t-1', 't-2'], { a: 1 }, 42, true, '+1 555 0100'])).toBe(',t-1;t-2,"{""a"":1}",42,true,+1 555 0100\r\n');
  });
});

describe('Export format', () => {
  it('takes ?format= first, then Accept, and NDJSON by default', () => {
    expect(formatOf('csv', 'application/x-ndjson')).toBe('csv');
    expect(formatOf(undefined, 'text/csv')).toBe('csv');
    expect(formatOf(undefined, 'application/x-ndjson, text/csv')).toBe('ndjson');
    expect(formatOf(undefined, 'application/x-ndjson;q=0.5, text/csv')).toBe('csv');
    expect(formatOf(undefined, 'text/csv;q=0')).toBe('ndjson');
    expect(formatOf(undefined, 'application/x-ndjson;q=0, */*')).toBe('csv');
    expect(() => formatOf(undefined, 'application/x-ndjson;q=0')).toThrow(expect.objectContaining({ name: 'ProblemException' }));
    expect(formatOf('ndjson', 'application/x-ndjson;q=0')).toBe('ndjson');
    expect(formatOf(undefined, undefined)).toBe('ndjson');
    expect(() => formatOf('xml', undefined)).toThrow(expect.objectContaining({ name: 'ProblemException' }));
  });
});
