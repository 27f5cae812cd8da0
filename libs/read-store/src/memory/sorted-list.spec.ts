import { SortedList } from './sorted-list';

/** A small deterministic PRNG so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
