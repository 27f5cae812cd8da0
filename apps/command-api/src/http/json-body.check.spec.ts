import { checkBodyMediaType, checkJsonBody, MAX_JSON_DEPTH, parseJsonBody } from './json-body.check';

const nested = (levels: number): unknown => {
  let value: unknown = {};
  for (let level = 1; level < levels; level += 1) value = { a: value };
  return value;
};

describe('checkJsonBody', () => {
  it('lets a plain object through', () => {
    expect(checkJsonBody({ firstName: 'Ada', contacts: [{ new: { email: 'a@b.co' } }], emoji: '\ud83d\ude00' })).toBeUndefined();
  });

  describe('when the body is not an object', () => {
    it.each([null, [], [{}], 42, 'text', true])('refuses %p: a JSON object is required', (body) => {
      expect(checkJsonBody(body)).toMatchObject({ status: 400, code: 'JsonObjectRequired', errors: [{ field: 'body' }] });
    });
  });

  describe('when the body is too deep', () => {
    it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
      expect(checkJsonBody(nested(MAX_JSON_DEPTH))).toBeUndefined();
      expect(checkJsonBody(nested(MAX_JSON_DEPTH + 1))).toMatchObject({ status: 400, code: 'BodyTooDeep', maxDepth: MAX_JSON_DEPTH });
    });

    it('counts lists as levels too', () => {
      expect(checkJsonBody({ a: JSON.parse('['.repeat(40) + ']'.repeat(40)) })).toMatchObject({ code: 'BodyTooDeep' });
    });

    it('refuses 100,000 levels without overflowing the stack', () => {
      const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
      expect(checkJsonBody(deep)).toMatchObject({ code: 'BodyTooDeep' });
    });
  });

  describe('when a key addresses a prototype', () => {
    it('names each, at any depth, like an unknown field', () => {
      const body = JSON.parse('{"__proto__":{"x":1},"a":{"constructor":{"prototype":{}}},"list":[{"prototype":1}]}');
      const refused = checkJsonBody(body);
      expect(refused).toMatchObject({ status: 400, code: 'ValidationFailed' });
      expect(refused?.errors?.map((e) => e.field)).toEqual(['__proto__', 'a.constructor', 'list.0.prototype']);
    });
  });

  describe('when a string holds a lone surrogate', () => {
    it('names the field, in values and in keys', () => {
      const refused = checkJsonBody({ email: '\ud800', a: { b: ['ok', 'x\udc00'] }, ['k\ud800']: 1 });
      expect(refused).toMatchObject({ status: 400, code: 'ValidationFailed' });
      expect(refused?.errors?.map((e) => e.field)).toEqual(['a.b.1', 'email', 'k\ud800']);
    });
  });

  describe('when a string holds a control character', () => {
    it('names the field: NUL, ESC and the other C0 controls but tab, line feed and carriage return', () => {
      const refused = checkJsonBody({ firstName: 'a\u0000b', notes: ['ok', 'x\u001b[2J'], bell: '\u0007', del: 'ok\u007f' });
      expect(refused).toMatchObject({ status: 400, code: 'ValidationFailed' });
      expect(refused?.errors?.map((e) => e.pointer)).toEqual(['/bell', '/firstName', '/notes/1']);
    });

    it('keeps tabs and line breaks, emoji and right-to-left marks', () => {
      expect(checkJsonBody({ body: 'line 1\r\n\tline 2\n', name: '😀 \u200f\u202eabc' })).toBeUndefined();
    });
  });
});

describe('checkBodyMediaType', () => {
  it.each([
    [{ 'content-length': '5', 'content-type': 'text/plain' }, 415],
    [{ 'content-length': '5' }, 415],
    [{ 'transfer-encoding': 'chunked', 'content-type': 'application/x-www-form-urlencoded' }, 415],
    [{ 'content-length': '5', 'content-type': 'application/json; charset=utf-8' }, undefined],
    [{ 'content-length': '5', 'content-type': 'application/merge-patch+json' }, undefined],
    [{ 'content-length': '0', 'content-type': 'text/plain' }, undefined],
    [{}, undefined],
  ])('%p -> %p', (headers, status) => expect(checkBodyMediaType(headers)?.status).toBe(status));
});

describe('checkBodyMediaType: encodings', () => {
  it.each([
    [{ 'content-length': '5', 'content-type': 'application/json; charset=latin1' }, 415],
    [{ 'content-length': '5', 'content-type': 'application/json; charset="UTF-8"' }, undefined],
    [{ 'content-length': '5', 'content-type': 'application/json', 'content-encoding': 'gzip' }, 415],
    [{ 'content-length': '5', 'content-type': 'application/json', 'content-encoding': 'identity' }, undefined],
    [{ 'content-length': '5', 'content-type': 'application/vnd.api+json' }, undefined],
  ])('%p -> %p', (headers, status) => expect(checkBodyMediaType(headers)?.status).toBe(status));
});

describe('parseJsonBody', () => {
  it('parses an object', () => expect(parseJsonBody('{"a":[1,{"b":null}]}')).toEqual({ body: { a: [1, { b: null }] } }));

  it('reads an empty body as no body', () => expect(parseJsonBody('')).toEqual({ body: undefined }));

  it('reads UTF-8 bytes, and refuses bytes that are not UTF-8 as MalformedJson (never as U+FFFD)', () => {
    expect(parseJsonBody(Buffer.from('{"name":"Zoë 😀"}'))).toEqual({ body: { name: 'Zoë 😀' } });
    expect(parseJsonBody(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).toMatchObject({ problem: { status: 400, code: 'MalformedJson' } });
    expect(parseJsonBody(Buffer.from('\ufeff{"a":1}'))).toMatchObject({ problem: { status: 400, code: 'MalformedJson' } });
    expect(parseJsonBody(Buffer.alloc(0))).toEqual({ body: undefined });
  });

  it.each(['{', '{"a":}', ' ', "{'a':1}", '{"a":1}x'])('refuses %p as MalformedJson', (text) =>
    expect(parseJsonBody(text).problem).toMatchObject({ status: 400, code: 'MalformedJson' }),
  );

  it.each(['null', '42', '"text"', '[]'])('refuses %p: a JSON object is required', (text) =>
    expect(parseJsonBody(text).problem).toMatchObject({ status: 400, code: 'JsonObjectRequired' }),
  );

  it('keeps __proto__ a plain key, and refuses it by name', () => {
    const parsed = parseJsonBody('{"__proto__":{"isAdmin":true}}');
    expect(parsed.problem?.errors?.map((e) => e.field)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
