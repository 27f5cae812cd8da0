import { problem, ProblemException } from './problem';

/** One media range of an `Accept` header: lower case, without parameters, with its quality (`q`, 1 when absent). */
export interface MediaRange {
  readonly range: string;
  readonly q: number;
}

/** A `q` parameter, and its value as RFC 9110 section 12.4.2 writes it: 0 to 1, at most three decimals. */
const Q_PARAMETER = /^\s*q\s*=/;
const QVALUE = /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/;

/**
 * The media ranges of an `Accept` header, in its order (RFC 9110 section 12.5.1). A range whose `q` is
 * not a quality (`q=abc`, `q=-1`, `q=2`) is left out, as if the header did not name it.
 */
export const mediaRanges = (accept: string | undefined): MediaRange[] =>
  (accept ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase().split(';'))
    .map(([range, ...params]): MediaRange | undefined => {
      const q = params.find((param) => Q_PARAMETER.test(param));
      if (q === undefined) return { range: range.trim(), q: 1 };
      const value = QVALUE.exec(q);
      return value ? { range: range.trim(), q: Number(value[1]) } : undefined;
    })
    .filter((range): range is MediaRange => range !== undefined && range.range !== '');

/**
 * Which of the `offered` media types an `Accept` header prefers (RFC 9110 section 12.5.1): the one it
 * names with the highest quality, the header's first among equals; undefined when it names none of them
 * with `q > 0` (`q=0` refuses a type). Types are matched by name, so a wildcard range prefers none: the
 * route's default answers.
 */
export const preferredType = (accept: string | undefined, offered: readonly string[]): string | undefined => preferredIn(mediaRanges(accept), offered);

/** preferredType over a header already parsed (answerType reads the ranges once for both of its steps). */
const preferredIn = (ranges: readonly MediaRange[], offered: readonly string[]): string | undefined => {
  let best: MediaRange | undefined;
  for (const range of ranges) {
    if (range.q > 0 && offered.includes(range.range) && (best === undefined || range.q > best.q)) best = range;
  }
  return best?.range;
};

/**
 * The quality the header gives `type`: that of the most specific range matching it (`type/subtype`,
 * then `type/*`, then the range of every type; the highest among ranges of the same name), undefined
 * when none does.
 */
const qualityOf = (ranges: readonly MediaRange[], type: string): number | undefined => {
  for (const candidate of [type, `${type.slice(0, type.indexOf('/'))}/*`, '*/*']) {
    const matching = ranges.filter(({ range }) => range === candidate);
    if (matching.length > 0) return Math.max(...matching.map(({ q }) => q));
  }
  return undefined;
};

/**
 * The type a route with several answer types answers with; `offered[0]` is its default. The type the
 * header prefers (`preferredType`); when it names none with `q > 0`, the default, unless the header
 * refuses it with `q=0` (named, or by a wildcard): then another offered type a wildcard accepts, else
 * 406 `NotAcceptable` naming the header (a refused type is never answered).
 */
export const answerType = (accept: string | undefined, offered: readonly [string, ...string[]]): string => {
  const ranges = mediaRanges(accept);
  const preferred = preferredIn(ranges, offered);
  if (preferred !== undefined) return preferred;
  const refused = (type: string) => {
    const q = qualityOf(ranges, type);
    return q !== undefined && !(q > 0);
  };
  if (!refused(offered[0])) return offered[0];
  const other = offered.find((type) => (qualityOf(ranges, type) ?? 0) > 0);
  if (other !== undefined) return other;
  throw new ProblemException(
    problem('NotAcceptable', `Accept refuses every type this route answers (${offered.join(', ')})`, {
      errors: [{ field: 'Accept', in: 'header', message: `must accept one of ${offered.join(', ')}` }],
    }),
  );
};
