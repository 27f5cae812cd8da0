import { SortedList } from './sorted-list';
import { seededRandom as random } from '../../../../test/support/seeded-random';

const byNumber = (a: number, b: number): number => a - b;

describe('SortedList', () => {
  it('stays in order through thousands of inserts and removals across many chunks', () => {
    const next = random(7);
    const list = new SortedList(byNumber);
    const reference = new Set<number>();
    for (let i = 0; i < 20_000; i += 1) {
      const value = Math.floor(next() * 5_000);
      if (reference.has(value)) {
        expect(list.remove(value)).toBe(true);
        reference.delete(value);
      } else {
        list.insert(value);
        reference.add(value);
      }
    }
    const expected = [...reference].sort(byNumber);
    expect(list.size).toBe(expected.length);
    expect([...list.values()]).toEqual(expected);
    expect([...list.values(true)]).toEqual([...expected].reverse());
  });

  it('says so when asked to remove what it does not hold', () => {
    const list = new SortedList(byNumber);
    expect(list.remove(1)).toBe(false);
    list.insert(2);
    expect(list.remove(1)).toBe(false);
    expect(list.size).toBe(1);
  });

  it('starts a read at the first element not before a bound', () => {
    const list = new SortedList(byNumber);
    for (let i = 0; i < 3_000; i += 1) list.insert(i * 2);
    expect([...list.valuesFrom((n) => n < 2_001)].slice(0, 3)).toEqual([2_002, 2_004, 2_006]);
    expect([...list.valuesFrom((n) => n < 0)]).toHaveLength(3_000);
    expect([...list.valuesFrom(() => true)]).toEqual([]);
  });

  it('files inserts that wait unsorted at its next use, merged or one by one, whichever use comes first', () => {
    const next = random(11);
    const values = Array.from({ length: 5_000 }, (_, i) => i * 3);
    const shuffled = [...values].sort(() => next() - 0.5);
    const uses: ((list: SortedList<number>) => unknown)[] = [
      (list) => [...list.values()],
      (list) => [...list.values(true)].reverse(),
      (list) => [...list.valuesFrom(() => false)],
      (list) => {
        const seen: number[] = [];
        list.forEach((n) => seen.push(n));
        return seen;
      },
      (list) => (list.remove(-1), [...list.values()]),
      (list) => (list.find(3), [...list.values()]),
    ];
    for (const use of uses) {
      const list = new SortedList(byNumber);
      // Most inserted before any use (one merge), then a few between uses (filed one by one).
      for (const value of shuffled.slice(0, 4_990)) list.insert(value);
      expect(list.size).toBe(4_990);
      use(list);
      for (const value of shuffled.slice(4_990)) {
        list.insert(value);
        expect(list.find(value)).toBe(value);
      }
      expect(use(list)).toEqual(values);
      expect(list.size).toBe(5_000);
    }
  });

  it('finds, replaces and removes an element inserted a moment before', () => {
    const list = new SortedList<{ key: number; label: string }>((a, b) => a.key - b.key);
    for (let i = 0; i < 1_000; i += 1) list.insert({ key: (i * 7) % 1_000, label: 'v1' });
    expect(list.find({ key: 42, label: '' })).toEqual({ key: 42, label: 'v1' });
    expect(list.find({ key: 1_000, label: '' })).toBeUndefined();
    list.insert({ key: 1_000, label: 'v1' });
    expect(list.replace({ key: 1_000, label: 'v2' })).toBe(true);
    list.insert({ key: 1_001, label: 'v1' });
    expect(list.remove({ key: 1_001, label: '' })).toBe(true);
    expect([...list.values()].slice(-2)).toEqual([{ key: 999, label: 'v1' }, { key: 1_000, label: 'v2' }]);
    expect(list.size).toBe(1_001);
  });

  it('finds an element by id once asked to keep ids, through inserts, replacements and removals', () => {
    const list = new SortedList<{ key: number; label: string }>((a, b) => a.key - b.key);
    for (let i = 0; i < 600; i += 1) list.insert({ key: i, label: 'v1' });
    expect(list.withId('5')).toBeUndefined();
    list.keepIds((item) => String(item.key));
    expect(list.withId('5')).toEqual({ key: 5, label: 'v1' });
    list.insert({ key: 600, label: 'v1' });
    expect(list.withId('600')).toEqual({ key: 600, label: 'v1' });
    list.replace({ key: 7, label: 'v2' });
    expect(list.withId('7')).toEqual({ key: 7, label: 'v2' });
    expect(list.remove({ key: 8, label: '' })).toBe(true);
    expect(list.withId('8')).toBeUndefined();
    expect([...list.values()].map((item) => item.key)).toEqual([...Array(601).keys()].filter((k) => k !== 8));
  });
});
