import { acceptedTypes } from './accept';

describe('acceptedTypes', () => {
  it('lists the media ranges in order, without parameters', () => {
    expect(acceptedTypes('Text/CSV; charset=utf-8, application/json;q=0.5')).toEqual(['text/csv', 'application/json']);
    expect(acceptedTypes(undefined)).toEqual([]);
  });

  it('leaves out a range with q=0: the client refuses it', () => {
    expect(acceptedTypes('text/csv;q=0, application/xml')).toEqual(['application/xml']);
    expect(acceptedTypes('text/csv; q=0.000, application/json')).toEqual(['application/json']);
    expect(acceptedTypes('text/csv;q=0.001')).toEqual(['text/csv']);
  });
});
