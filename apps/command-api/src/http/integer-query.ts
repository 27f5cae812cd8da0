import { Transform } from 'class-transformer';

/** Decimal digits with an optional minus sign: what a query's integer is written as. */
const DECIMAL_INTEGER = /^-?\d{1,15}$/;

/**
 * A query parameter read as an integer only when it is written as one in decimal: `limit=50` is 50,
 * while `0x10`, `1e2`, `5.0`, ` 5` or `` stay the text they are, and `@IsInt()` refuses them naming the
 * parameter. (`@Type(() => Number)` read all of them as numbers: `Number('0x10')` is 16.)
 */
export const QueryInteger = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value));
