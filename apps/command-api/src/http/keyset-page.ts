import { ApiPropertyOptional } from '@nestjs/swagger';
import { QueryInteger } from './integer-query';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Filter, Projection, ReadCollection, ReadDocument, Sort } from '@practice/read-store';
import { badRequest } from './problem';

/**
 * Keyset paging, one mechanism for every list: a stable order ending in a unique key, `limit` rows
 * per page, and an opaque `cursor` holding the sort keys of the last row of the previous page. The
 * next page starts strictly after it, so rows added or removed meanwhile neither repeat nor shift
 * the rest (no skip over a growing collection).
 */

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** `limit` and `cursor`: every list's query DTO is or extends this one. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}

export type KeyValue = string | number;
/** `number` keys are revisions and log positions: non-negative integers. */
type KeyType = 'string' | 'number';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export const invalidCursor = () =>
  badRequest('InvalidCursor', 'The cursor is not one this API returned', [
    { field: 'cursor', in: 'query', message: 'must be a nextCursor returned by this list' },
  ]);

const isOfType = (value: unknown, type: KeyType): value is KeyValue =>
  type === 'number' ? Number.isSafeInteger(value) && (value as number) >= 0 : typeof value === 'string';

/**
 * The keyset of one list: its name (so a cursor of another list, or a hand-made one, is refused)
 * and the types of the sort keys a cursor holds, the last of them unique.
 */
export class Keyset {
  constructor(
    readonly list: string,
    readonly types: readonly KeyType[],
  ) {}

  encode(values: readonly KeyValue[]): string {
    return Buffer.from(JSON.stringify([this.list, ...values])).toString('base64url');
  }

  /** The sort keys of the row the cursor points after; 400 `InvalidCursor` naming `cursor` otherwise. */
  decode(cursor: string): KeyValue[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw invalidCursor();
    }
    if (!Array.isArray(parsed) || parsed.length !== this.types.length + 1 || parsed[0] !== this.list) throw invalidCursor();
    const values = parsed.slice(1);
    if (!values.every((value, i) => isOfType(value, this.types[i]))) throw invalidCursor();
    return values as KeyValue[];
  }

  /**
   * A page from rows read with `limit + 1` (the extra row only tells that there is more): the first
   * `limit` rows and, when there is more, the cursor after the last of them.
   */
  page<T>(rows: readonly T[], limit: number, keysOf: (row: T) => readonly KeyValue[]): Page<T> {
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? this.encode(keysOf(items[items.length - 1])) : null };
  }
}

export const limitOf = (query: PageQueryDto): number => query.limit ?? DEFAULT_PAGE_SIZE;

/**
 * `filter` narrowed to the rows after `values` in `sort` order: `k0 > v0`, or `k0 = v0 and k1 > v1`,
 * and so on (`<` on a descending key). `inclusive` keeps the row at `values` itself (for lists whose
 * rows are parts of documents). Added under `$and`, so the filter's own `$or` and `$and` stay as they
 * are and an ordered index can still seek to the first key's bound.
 */
export const afterKeys = (filter: Filter, sort: Sort, values: readonly KeyValue[], inclusive = false): Filter => {
  const keys = Object.entries(sort);
  const last = keys.length - 1;
  const branches = keys.map(([key, direction], i) => {
    const op = `${direction === 1 ? '$gt' : '$lt'}${inclusive && i === last ? 'e' : ''}`;
    return { ...Object.fromEntries(keys.slice(0, i).map(([k], j) => [k, values[j]])), [key]: { [op]: values[i] } };
  });
  const and = Array.isArray(filter.$and) ? (filter.$and as unknown[]) : [];
  return { ...filter, $and: [...and, { $or: branches }] };
};

/**
 * One page of a read-store collection in `sort` order (the keyset's keys, in the same order). An
 * inclusion `projection` reads only the fields a list answers with (it must include the sort keys).
 */
export const findPage = async <TDoc extends ReadDocument>(
  collection: ReadCollection<TDoc>,
  filter: Filter,
  sort: Sort,
  keyset: Keyset,
  query: PageQueryDto,
  projection?: Projection,
): Promise<Page<TDoc>> => {
  const limit = limitOf(query);
  const paged = query.cursor === undefined ? filter : afterKeys(filter, sort, keyset.decode(query.cursor));
  const docs = await collection.find(paged, projection ? { sort, limit: limit + 1, projection } : { sort, limit: limit + 1 });
  return keyset.page(docs, limit, (doc) => Object.keys(sort).map((key) => doc[key] as KeyValue));
};
