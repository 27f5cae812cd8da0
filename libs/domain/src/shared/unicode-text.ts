/**
 * A UTF-16 surrogate without its pair is not Unicode text: it cannot be encoded as UTF-8 (it becomes
 * U+FFFD, so two different values would store, hash and compare as one) and encoders such as encodeURI
 * throw on it.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/**
 * The characters of a text as the API counts them (and as JSON Schema's maxLength and the request
 * checks do): code points, so an emoji outside the BMP is one character, not its two UTF-16 units.
 */
export const characterCount = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
};
