import { mergePatch } from './merge-patch';

describe('mergePatch (RFC 7396)', () => {
  const overview = { dateOfBirth: '1990-02-28', occupation: 'Engineer', diagnosis: 'F41.1', address: { line1: '1 Main St', city: 'Arlington' } };

  it('sets a member present in the patch and leaves the absent ones as they are', () => {
    expect(mergePatch(overview, { occupation: 'Teacher' })).toEqual({ ...overview, occupation: 'Teacher' });
  });

  it('removes a member set to null', () => {
    expect(mergePatch(overview, { diagnosis: null })).toEqual({ dateOfBirth: '1990-02-28', occupation: 'Engineer', address: overview.address });
  });

  it('merges nested objects recursively', () => {
    expect(mergePatch(overview, { address: { city: 'Boston', line2: 'Apt 2' } })).toEqual({
      ...overview,
      address: { line1: '1 Main St', line2: 'Apt 2', city: 'Boston' },
    });
    expect(mergePatch(overview, { address: { city: null } })).toEqual({ ...overview, address: { line1: '1 Main St' } });
  });

  it('builds a nested object where there was none (or null), dropping its null members', () => {
    expect(mergePatch({ address: null }, { address: { line1: '2 Elm St', city: null } })).toEqual({ address: { line1: '2 Elm St' } });
    expect(mergePatch({}, { address: { line1: '2 Elm St' } })).toEqual({ address: { line1: '2 Elm St' } });
  });

  it('replaces arrays and values that are not objects whole', () => {
    expect(mergePatch({ tags: ['a', 'b'] }, { tags: ['c'] })).toEqual({ tags: ['c'] });
    expect(mergePatch({ a: 'b' }, ['c'])).toEqual(['c']);
    expect(mergePatch({ a: { b: 'c' } }, { a: 'flat' })).toEqual({ a: 'flat' });
  });

  it('an empty patch changes nothing, and neither argument is changed', () => {
    const patch = { address: { city: 'Boston' } };
    expect(mergePatch(overview, {})).toEqual(overview);
    mergePatch(overview, patch);
    expect(overview.address).toEqual({ line1: '1 Main St', city: 'Arlington' });
    expect(patch).toEqual({ address: { city: 'Boston' } });
  });

  it('keeps a member named __proto__ as a plain member, never a prototype', () => {
    const merged = mergePatch({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged.polluted).toBeUndefined();
  });

  // The examples of RFC 7396, appendix A.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('RFC 7396 example: %j patched with %j is %j', (target, patch, result) => {
    expect(mergePatch(target, patch)).toEqual(result);
  });
});
