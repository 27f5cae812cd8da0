/**
 * The two helpers of mingo that decide sort order. `mingo/util` is reachable only through the
 * package's `exports` map, which TypeScript's node10 resolution (this repo's tsconfig) does not
 * read, so the import is typed here. Using mingo's own functions keeps an index's order identical
 * to the order mingo's `$sort` gives when no index is used.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const util = require('mingo/util') as {
  compare(a: unknown, b: unknown): number;
  resolve(obj: object, selector: string): unknown;
};

export const compareValues: (a: unknown, b: unknown) => number = util.compare;
export const resolvePath: (obj: object, selector: string) => unknown = util.resolve;
