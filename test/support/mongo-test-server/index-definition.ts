/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * One index of a collection as MongoDB defines it, and the keys a document occupies in it. Only what
 * uniqueness needs is modelled (no B-tree, no query planning): a missing field indexes as null, an
 * array field contributes one key per element (multikey), a sparse index skips documents that have
 * none of its fields, and a partial index holds only the documents its filter matches.
 */
import { EJSON, type Document } from 'bson';
import { Query } from 'mingo';
import { CommandError, ErrorCodes } from './command-error';
import { mingoOptions } from './mingo-context';

export interface IndexDefinition {
  readonly name: string;
  readonly key: Readonly<Record<string, number>>;
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly partialFilterExpression?: Document;
}

export const ID_INDEX: IndexDefinition = { name: '_id_', key: { _id: 1 }, unique: true, sparse: false };

/** One key a document holds in an index: `hash` compares keys, `value` is what an 11000 reports. */
export interface IndexKey {
  readonly hash: string;
  readonly value: Document;
}

/** Validates a `createIndexes` entry the way the server does before building anything. */
export function parseIndexDefinition(raw: Document): IndexDefinition {
  const key = raw.key as Record<string, unknown> | undefined;
  if (typeof raw.name !== 'string' || raw.name.length === 0) {
    throw new CommandError(ErrorCodes.BadValue, "The 'name' field is a required property of an index specification");
  }
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0) {
    throw new CommandError(ErrorCodes.BadValue, `Index key pattern of ${raw.name} must be a non-empty object`);
  }
  for (const [field, direction] of Object.entries(key)) {
    if (direction !== 1 && direction !== -1) {
      throw new CommandError(ErrorCodes.BadValue, `Unsupported index direction for ${field} (only 1 and -1 here)`);
    }
  }
  return {
    name: raw.name,
    key: key as Record<string, number>,
    unique: raw.unique === true,
    sparse: raw.sparse === true,
    ...(raw.partialFilterExpression ? { partialFilterExpression: raw.partialFilterExpression as Document } : {}),
  };
}

export function sameKeyPattern(a: IndexDefinition, b: IndexDefinition): boolean {
  return EJSON.stringify(a.key) === EJSON.stringify(b.key);
}

export function sameOptions(a: IndexDefinition, b: IndexDefinition): boolean {
  return (
    a.unique === b.unique &&
    a.sparse === b.sparse &&
    EJSON.stringify(a.partialFilterExpression ?? null) === EJSON.stringify(b.partialFilterExpression ?? null)
  );
}

/** The `listIndexes` form of a definition. */
export function describeIndex(def: IndexDefinition): Document {
  return {
    v: 2,
    key: def.key,
    name: def.name,
    ...(def.unique && def.name !== ID_INDEX.name ? { unique: true } : {}),
    ...(def.sparse ? { sparse: true } : {}),
    ...(def.partialFilterExpression ? { partialFilterExpression: def.partialFilterExpression } : {}),
  };
}

/** A definition plus its compiled partial filter, able to tell which keys a document holds. */
export class IndexRuntime {
  private readonly fields: readonly string[];
  private readonly partial: Query | undefined;

  constructor(readonly definition: IndexDefinition) {
    this.fields = Object.keys(definition.key);
    this.partial = definition.partialFilterExpression
      ? new Query(definition.partialFilterExpression, mingoOptions())
      : undefined;
  }

  /** Whether the document has an entry in this index at all. */
  covers(doc: Document): boolean {
    if (this.partial && !this.partial.test(doc)) return false;
    if (this.definition.sparse) return this.fields.some((field) => valuesAt(doc, field).length > 0);
    return true;
  }

  keysOf(doc: Document): IndexKey[] {
    let tuples: unknown[][] = [[]];
    for (const field of this.fields) {
      const found = valuesAt(doc, field);
      const options = found.length > 0 ? found : [null];
      tuples = tuples.flatMap((tuple) => options.map((option) => [...tuple, option]));
    }
    const keys = new Map<string, IndexKey>();
    for (const tuple of tuples) {
      const hash = EJSON.stringify(tuple, { relaxed: false });
      if (!keys.has(hash)) keys.set(hash, { hash, value: Object.fromEntries(this.fields.map((f, i) => [f, tuple[i]])) });
    }
    return [...keys.values()];
  }
}

/**
 * The values a dotted path reaches, arrays flattened: `members.id` over `members: [{id: 1}, {id: 2}]`
 * gives [1, 2], and an array leaf gives its elements (one index key per element). An empty result
 * means the field is missing; an empty array counts as null, as for the in-memory adapter.
 */
function valuesAt(value: unknown, path: string): unknown[] {
  const found: unknown[] = [];
  collect(value, path.split('.'), found);
  return found;
}

function collect(value: unknown, parts: readonly string[], into: unknown[]): void {
  if (parts.length === 0) {
    if (Array.isArray(value)) into.push(...(value.length > 0 ? value : [null]));
    else if (value !== undefined) into.push(value);
    return;
  }
  if (Array.isArray(value)) {
    const [head, ...rest] = parts;
    if (/^\d+$/.test(head)) collect(value[Number(head)], rest, into);
    else for (const item of value) collect(item, parts, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  collect((value as Document)[parts[0]], parts.slice(1), into);
}
