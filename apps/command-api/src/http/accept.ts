/** One media range of an `Accept` header: lower case, without parameters, with its quality (`q`, 1 when absent). */
export interface MediaRange {
  readonly range: string;
  readonly q: number;
}

/** The media ranges of an `Accept` header, in its order (RFC 9110 section 12.5.1). */
export const mediaRanges = (accept: string | undefined): MediaRange[] =>
  (accept ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase().split(';'))
    .map(([range, ...params]) => {
      const q = params.map((param) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(param)).find(Boolean);
      return { range: range.trim(), q: q ? Number(q[1]) : 1 };
    })
    .filter(({ range }) => range !== '');

/**
 * Which of the `offered` media types an `Accept` header prefers (RFC 9110 section 12.5.1): the one it
 * names with the highest quality, the header's first among equals; undefined when it names none of them
 * with `q > 0` (`q=0` refuses a type). Types are matched by name, so a wildcard range prefers none: the
 * route's default answers.
 */
export const preferredType = (accept: string | undefined, offered: readonly string[]): string | undefined => {
  let best: MediaRange | undefined;
  for (const range of mediaRanges(accept)) {
    if (range.q > 0 && offered.includes(range.range) && (best === undefined || range.q > best.q)) best = range;
  }
  return best?.range;
};
