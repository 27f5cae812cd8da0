import { lowerBound } from './filter-bounds';

describe('lowerBound', () => {
  it('reads a bound from comparisons, equalities and $in on the field', () => {
    expect(lowerBound({ name: { $gt: 'b' } }, 'name')).toBe('b');
    expect(lowerBound({ name: { $gte: 3, $lt: 9 } }, 'name')).toBe(3);
    expect(lowerBound({ name: 'c' }, 'name')).toBe('c');
    expect(lowerBound({ name: { $in: ['d', 'b'] } }, 'name')).toBe('b');
  });

  it('reads the keyset cursor: every $or branch bounds the field', () => {
    const filter = { practiceId: 'p1', $or: [{ name: { $gt: 'k' } }, { name: 'k', _id: { $gt: 'x' } }] };
    expect(lowerBound(filter, 'name')).toBe('k');
  });

  it('takes the tighter of two conjuncts', () => {
    expect(lowerBound({ name: { $gt: 'b' }, $and: [{ name: { $gte: 'f' } }] }, 'name')).toBe('f');
  });

  it('gives none when some match could hold any value', () => {
    expect(lowerBound({ $or: [{ name: { $gt: 'k' } }, { status: 'Active' }] }, 'name')).toBeUndefined();
    expect(lowerBound({ name: { $lt: 'k' } }, 'name')).toBeUndefined();
    expect(lowerBound({ name: { $regex: '^k' } }, 'name')).toBeUndefined();
    expect(lowerBound({ name: { $in: ['k', null] } }, 'name')).toBeUndefined();
    expect(lowerBound({ name: null }, 'name')).toBeUndefined();
    expect(lowerBound({ other: 'k' }, 'name')).toBeUndefined();
  });
});
