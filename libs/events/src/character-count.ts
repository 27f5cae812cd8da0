/**
 * The characters of a text as the API counts them (and as JSON Schema's maxLength and the request
 * checks do): code points, so an emoji outside the BMP is one character, not its two UTF-16 units.
 * The event schemas (`chars`) and the domain's checks count with this one function.
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
