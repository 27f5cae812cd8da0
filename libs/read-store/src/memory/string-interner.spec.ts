import { StringInterner } from './string-interner';

const stored = () => ({
  _id: 'c-1',
  practiceId: 'p-1',
  segments: ['p-1|status:Active', 'p-1|tag:t-1'],
  appointments: { 'a-1': { start: '2026-01-05T09:00:00.000Z', status: 'booked' }, 'a-2': { start: '2026-01-12T09:00:00.000Z', status: 'booked' } },
  note: { text: 'x', at: null as string | null },
});

describe('StringInterner', () => {
  it('gives a rewrite the stored version’s nested arrays and objects that hold the same data', () => {
    const interner = new StringInterner();
    const previous = stored();
    interner.internDoc(previous);
    const next = { ...stored(), practiceId: 'p-1' };
    interner.internDoc(next, previous);
    expect(next).toEqual(stored());
    expect(next.segments).toBe(previous.segments);
    expect(next.appointments).toBe(previous.appointments);
    expect(next.note).toBe(previous.note);
  });

  it('keeps a changed nested object its own, with the unchanged values inside it taken from the stored version', () => {
    const interner = new StringInterner();
    const previous = stored();
    interner.internDoc(previous);
    const next = stored();
    (next.appointments['a-2'] as { status: string }).status = 'cancelled';
    next.segments.push('p-1|tag:t-2');
    interner.internDoc(next, previous);
    expect(next.appointments).not.toBe(previous.appointments);
    expect(next.appointments['a-1']).toBe(previous.appointments['a-1']);
    expect(next.appointments['a-2']).toEqual({ start: '2026-01-12T09:00:00.000Z', status: 'cancelled' });
    expect(next.segments).not.toBe(previous.segments);
    expect(next.segments).toEqual(['p-1|status:Active', 'p-1|tag:t-1', 'p-1|tag:t-2']);
    expect(previous).toEqual(stored());
  });

  it('tells apart keys that are missing, undefined or extra, and arrays from objects', () => {
    const interner = new StringInterner();
    const previous = { _id: 'd', a: { x: 1 }, b: { x: undefined as number | undefined }, c: [1], d: { y: 1, z: 2 } };
    interner.internDoc(previous);
    const next = { _id: 'd', a: { x: 1, y: undefined }, b: { y: undefined }, c: { 0: 1 }, d: { y: 1 } };
    interner.internDoc(next, previous);
    expect(next.a).not.toBe(previous.a);
    expect(next.b).not.toBe(previous.b);
    expect(next.c).not.toBe(previous.c);
    expect(next.d).not.toBe(previous.d);
  });

  it('never takes a Date (or any non-plain object) for another', () => {
    const interner = new StringInterner();
    const previous = { _id: 'd', at: new Date('2026-01-01T00:00:00.000Z') };
    interner.internDoc(previous);
    const next = { _id: 'd', at: new Date('2026-02-01T00:00:00.000Z') };
    interner.internDoc(next, previous);
    expect(next.at.toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('leaves a frozen nested object as it is when it differs', () => {
    const interner = new StringInterner();
    const previous = { _id: 'd', tags: ['a'] };
    interner.internDoc(previous);
    const frozen = Object.freeze(['a', 'b']);
    const next = { _id: 'd', tags: frozen };
    expect(() => interner.internDoc(next, previous)).not.toThrow();
    expect(next.tags).toBe(frozen);
  });

  it('changes no data of new documents', () => {
    const interner = new StringInterner();
    const docs = [stored(), stored(), { ...stored(), _id: 'c-2' }];
    interner.intern(docs);
    expect(docs).toEqual([stored(), stored(), { ...stored(), _id: 'c-2' }]);
  });
});
