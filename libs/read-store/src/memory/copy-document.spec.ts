import { copyDocument } from './copy-document';

describe('copyDocument', () => {
  it('copies as structuredClone does: equal, and sharing no object or array with the original', () => {
    const original = { _id: 'a', n: 1, ok: true, none: null, tags: ['x', { y: [1, 2] }], nested: { deep: { s: 's' } } };
    const copy = copyDocument(original);
    expect(copy).toEqual(structuredClone(original));
    copy.tags.push('z');
    (copy.nested.deep as { s: string }).s = 'changed';
    (copy.tags[1] as { y: number[] }).y.push(3);
    expect(original).toEqual({ _id: 'a', n: 1, ok: true, none: null, tags: ['x', { y: [1, 2] }], nested: { deep: { s: 's' } } });
  });

  it('leaves what is not plain data to structuredClone (a Date stays a Date, not the same one)', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const copy = copyDocument({ at });
    expect(Object.prototype.toString.call(copy.at)).toBe('[object Date]');
    expect(copy.at).not.toBe(at);
    expect(copy.at.getTime()).toBe(at.getTime());
  });
});
