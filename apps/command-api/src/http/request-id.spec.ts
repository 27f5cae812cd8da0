import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it.each(['a', 'abc-123', 'Trace_ID.42', '0f8fad5b-d9cb-469f-a165-70867728950e', 'x'.repeat(128)])('keeps the sane id %p', (id) =>
    expect(requestIdFrom(id)).toBe(id),
  );

  it('takes the first of repeated headers', () => expect(requestIdFrom(['first', 'second'])).toBe('first'));

  it.each([undefined, '', 'x'.repeat(129), 'has space', 'line\nbreak', 'quote"d', 'ümlaut', '{"json":1}', 'a/b', 'a%0A'])(
    'makes a UUID instead of %p',
    (given) => expect(requestIdFrom(given)).toMatch(UUID),
  );
});
