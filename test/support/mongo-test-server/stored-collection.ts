/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * The documents and indexes of one collection, and the write rules that keep unique indexes true.
 * Every write checks every unique index (the `_id_` one included) before it changes anything, so a
 * refused write leaves no trace, and refuses with error 11000 shaped like a real server's
 * (errmsg naming the index, keyPattern, keyValue). Uniqueness is checked by scanning: this serves
 * test-sized collections, not benchmarks.
 */
import { EJSON, ObjectId, type Document } from 'bson';
import { CommandError, ErrorCodes } from './command-error';
import { ID_INDEX, IndexDefinition, IndexRuntime, parseIndexDefinition, sameKeyPattern, sameOptions } from './index-definition';

export class StoredCollection {
  /** Keyed by the canonical EJSON of `_id`; Map order is insertion order, MongoDB's natural order here. */
  private readonly docs = new Map<string, Document>();
  private readonly indexes = new Map<string, IndexRuntime>([[ID_INDEX.name, new IndexRuntime(ID_INDEX)]]);

  constructor(
    readonly dbName: string,
    readonly name: string,
  ) {}

  get namespace(): string {
    return `${this.dbName}.${this.name}`;
  }

  /** The stored documents themselves: callers must not mutate them (updates work on clones). */
  documents(): Document[] {
    return [...this.docs.values()];
  }

  /**
   * The documents a filter can match: just one when it has an `_id` equality (what nearly every
   * write and `get` sends), else all. A superset: the caller still runs the filter on each.
   */
  candidates(filter: Document | undefined): Document[] {
    const id = filter?._id;
    if (id === undefined || id instanceof RegExp || isOperatorObject(id)) return this.documents();
    const doc = this.docs.get(idKey(id));
    return doc ? [doc] : [];
  }

  indexDefinitions(): IndexDefinition[] {
    return [...this.indexes.values()].map((runtime) => runtime.definition);
  }

  insert(doc: Document): Document {
    const stored = doc._id === undefined ? { _id: new ObjectId(), ...doc } : doc;
    const key = idKey(stored._id);
    if (this.docs.has(key)) throw this.duplicateKey(ID_INDEX, { _id: stored._id });
    this.assertUnique(stored, key);
    this.docs.set(key, stored);
    return stored;
  }

  /** Replaces a stored document by a new version with the same `_id`. */
  replace(next: Document): void {
    const key = idKey(next._id);
    if (!this.docs.has(key)) throw new CommandError(ErrorCodes.InternalError, `no document with _id ${key} to replace`);
    this.assertUnique(next, key);
    this.docs.set(key, next);
  }

  remove(doc: Document): void {
    this.docs.delete(idKey(doc._id));
  }

  /** Adds an index, or does nothing when an identical one exists; returns whether it was created. */
  createIndex(raw: Document): boolean {
    const definition = parseIndexDefinition(raw);
    const existing = this.indexes.get(definition.name);
    if (existing) {
      if (sameKeyPattern(existing.definition, definition) && sameOptions(existing.definition, definition)) return false;
      throw new CommandError(
        sameKeyPattern(existing.definition, definition) ? ErrorCodes.IndexOptionsConflict : ErrorCodes.IndexKeySpecsConflict,
        `An existing index has the same name as the requested index but different keys or options: ${definition.name}`,
      );
    }
    for (const other of this.indexes.values()) {
      if (sameKeyPattern(other.definition, definition) && sameOptions(other.definition, definition)) {
        throw new CommandError(ErrorCodes.IndexOptionsConflict, `Index already exists with a different name: ${other.definition.name}`);
      }
    }
    const runtime = new IndexRuntime(definition);
    if (definition.unique) this.assertBuildable(runtime);
    this.indexes.set(definition.name, runtime);
    return true;
  }

  /** Removes an index again (createIndexes undoes a partly applied command this way). */
  dropIndex(name: string): void {
    if (name !== ID_INDEX.name) this.indexes.delete(name);
  }

  private assertBuildable(runtime: IndexRuntime): void {
    const owners = new Map<string, unknown>();
    for (const doc of this.docs.values()) {
      if (!runtime.covers(doc)) continue;
      for (const key of runtime.keysOf(doc)) {
        if (owners.has(key.hash)) {
          const duplicate = this.duplicateKey(runtime.definition, key.value);
          throw new CommandError(ErrorCodes.DuplicateKey, `Index build failed: ${duplicate.message}`, duplicate.extra);
        }
        owners.set(key.hash, doc._id);
      }
    }
  }

  private assertUnique(doc: Document, ownKey: string): void {
    for (const runtime of this.indexes.values()) {
      const { definition } = runtime;
      if (!definition.unique || definition.name === ID_INDEX.name || !runtime.covers(doc)) continue;
      const keys = runtime.keysOf(doc);
      const wanted = new Set(keys.map((key) => key.hash));
      for (const [otherKey, other] of this.docs) {
        if (otherKey === ownKey || !runtime.covers(other)) continue;
        const clash = runtime.keysOf(other).find((key) => wanted.has(key.hash));
        if (clash) throw this.duplicateKey(definition, clash.value);
      }
    }
  }

  private duplicateKey(definition: IndexDefinition, keyValue: Document): CommandError {
    const shown = Object.entries(keyValue)
      .map(([field, value]) => `${field}: ${EJSON.stringify(value ?? null)}`)
      .join(', ');
    return new CommandError(
      ErrorCodes.DuplicateKey,
      `E11000 duplicate key error collection: ${this.namespace} index: ${definition.name} dup key: { ${shown} }`,
      { keyPattern: definition.key, keyValue },
    );
  }
}

function isOperatorObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).some((key) => key.startsWith('$'))
  );
}

/** MongoDB compares `_id`s by BSON value; canonical EJSON gives one string per value (and type). */
export function idKey(id: unknown): string {
  return EJSON.stringify(id ?? null, { relaxed: false });
}
