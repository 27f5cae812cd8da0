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
 * The media ranges an `Accept` header accepts, in its order: a range with `q=0` is one the client
 * refuses, so it is left out.
 */
export const acceptedTypes = (accept: string | undefined): string[] =>
  mediaRanges(accept)
    .filter(({ q }) => q > 0)
    .map(({ range }) => range);

/** The quality an `Accept` header gives `type` by name (0 when it does not name it). */
export const qualityOf = (accept: string | undefined, type: string): number =>
  mediaRanges(accept).reduce((best, { range, q }) => (range === type ? Math.max(best, q) : best), 0);
