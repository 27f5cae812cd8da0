import { assertPersonName } from './person-name';
import { characterCount, hasLoneSurrogate } from './unicode-text';

describe('hasLoneSurrogate', () => {
  it.each([
    ['\ud800', true],
    ['a\udfffb', true],
    ['\udc00\ud800', true],
    ['\ud83d\ude00', false],
    ['plain', false],
  ])('%p -> %p', (text, expected) => expect(hasLoneSurrogate(text)).toBe(expected));
});

describe('characterCount', () => {
  it.each([
    ['', 0],
    ['Zoë', 3],
    ['😀😀', 2],
    ['a\ud800', 2],
    ['\udc00\ud800', 2],
  ])('%p has %p characters', (text, expected) => expect(characterCount(text)).toBe(expected));

  it('is how a name is measured: 200 emoji are 200 characters, 201 are too many', () => {
    expect(assertPersonName('😀'.repeat(200), 'firstName')).toBe('😀'.repeat(200));
    expect(() => assertPersonName('😀'.repeat(201), 'firstName')).toThrow();
  });
});
