import { StringInterner } from './string-interner';

const doc = (id: string) => ({
  _id: id,
  practiceId: 'p-1',
  segments: ['p-1|status:Active', 'p-1|tag:t-1'],
  appointments: { 'a-1': { start: '2026-01-05T09:00:00.000Z', status: 'booked' } },
  note: { text: 'x'.repeat(200), at: null as string | null },
});

describe('StringInterner', () => {
  it('changes no data of new documents, short strings, long strings or nested ones', () => {
    const interner = new StringInterner();
    const docs = [doc('c-1'), doc('c-2'), doc('c-1')];
    interner.intern(docs);
    expect(docs).toEqual([doc('c-1'), doc('c-2'), doc('c-1')]);
  });

  it('changes no data of a rewrite, whether its strings equal the stored version’s or not', () => {
    const interner = new StringInterner();
    const previous = doc('c-1');
    interner.internDoc(previous);
    const next = { ...doc('c-1'), segments: ['p-1|status:Inactive', 'p-1|tag:t-1'] };
    interner.internDoc(next, previous);
    expect(next).toEqual({ ...doc('c-1'), segments: ['p-1|status:Inactive', 'p-1|tag:t-1'] });
    expect(previous).toEqual(doc('c-1'));
  });

  it('leaves a frozen nested object as it is, and starts a new table when the table is full', () => {
    const interner = new StringInterner(2);
    const frozen = Object.freeze(['a', 'b']);
    const next = { _id: 'd', tags: frozen, more: ['c', 'd', 'e'] };
    expect(() => interner.internDoc(next)).not.toThrow();
    expect(next).toEqual({ _id: 'd', tags: ['a', 'b'], more: ['c', 'd', 'e'] });
  });

  it('changes no data while a field of new strings only is skipped and then sampled again', () => {
    const interner = new StringInterner();
    // 70,000 docs: the unique names are skipped after the first 1,024 and sampled again after 65,536.
    for (let i = 0; i < 70_000; i += 1) {
      const next = { _id: `c-${i}`, name: `name ${i}`, words: [`w${i}`, 'common'], practiceId: 'p-1' };
      interner.internDoc(next);
      expect(next).toEqual({ _id: `c-${i}`, name: `name ${i}`, words: [`w${i}`, 'common'], practiceId: 'p-1' });
    }
  });
});
