import { isCheckedJsonBody, markCheckedJsonBody } from './checked-json-body';
import { parseJsonBody } from './json-body.check';

describe('checked JSON bodies', () => {
  it('knows the bodies marked, by identity: an equal copy or another value is not one', () => {
    const body = parseJsonBody('{"firstName":"Ada","tags":["a"]}').body;
    markCheckedJsonBody(body);
    expect(isCheckedJsonBody(body)).toBe(true);
    expect(isCheckedJsonBody({ ...(body as object) })).toBe(false);
    expect(isCheckedJsonBody((body as { tags: string[] }).tags)).toBe(false);
    expect(isCheckedJsonBody(undefined)).toBe(false);
    expect(isCheckedJsonBody('text')).toBe(false);
  });

  it('marks nothing that is not an object', () => {
    expect(() => markCheckedJsonBody(undefined)).not.toThrow();
    expect(() => markCheckedJsonBody(42)).not.toThrow();
  });
});
