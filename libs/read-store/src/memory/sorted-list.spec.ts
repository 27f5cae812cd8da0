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
});
