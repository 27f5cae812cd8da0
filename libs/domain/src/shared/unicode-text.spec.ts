import { hasLoneSurrogate } from './unicode-text';

describe('hasLoneSurrogate', () => {
  it.each([
    ['\ud800', true],
    ['a\udfffb', true],
    ['\udc00\ud800', true],
    ['\ud83d\ude00', false],
    ['plain', false],
  ])('%p -> %p', (text, expected) => expect(hasLoneSurrogate(text)).toBe(expected));
});
