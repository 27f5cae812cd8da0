import { chars, personName } from './schema';

describe('chars: texts counted in characters (code points), as the API counts them', () => {
  it('holds 200 emoji in a person name (400 UTF-16 units), not 201', () => {
    expect(personName.safeParse('😀'.repeat(200)).success).toBe(true);
    expect(personName.safeParse('😀'.repeat(201)).success).toBe(false);
    expect(personName.safeParse('x'.repeat(201)).success).toBe(false);
    expect(personName.safeParse('').success).toBe(false);
  });

  it('counts a lone surrogate as one character', () => {
    expect(chars(2).safeParse('a\ud800').success).toBe(true);
    expect(chars(2).safeParse('ab\ud800').success).toBe(false);
  });
});
