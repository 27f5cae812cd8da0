import { DuplicateKeyError, IndexSpec, ReadDocument } from '../read-store.port';
import { uniqueIndexKeys } from './index-keys';

/** A unique index: key -> owning id. `check` runs before a write so a refused write leaves no trace. */
export class UniqueConstraint {
  private readonly ownerByKey = new Map<string, string>();
  private readonly fields: readonly string[];

  constructor(private readonly collection: string, readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys);
  }

  /** Throws DuplicateKeyError when `doc` would take a key another doc already holds. */
  check(doc: ReadDocument): void {
    for (const key of uniqueIndexKeys(doc, this.fields)) {
      const owner = this.ownerByKey.get(key.hash);
      if (owner !== undefined && owner !== doc._id) {
        // The key as MongoDB reports it (`keyValue`): field -> value.
        const value = Object.fromEntries(this.fields.map((field, i) => [field, key.values[i]]));
        throw new DuplicateKeyError(this.collection, this.spec.name, value);
      }
    }
  }

  add(doc: ReadDocument): void {
    for (const key of uniqueIndexKeys(doc, this.fields)) this.ownerByKey.set(key.hash, doc._id);
  }

  remove(doc: ReadDocument): void {
    for (const key of uniqueIndexKeys(doc, this.fields)) {
      if (this.ownerByKey.get(key.hash) === doc._id) this.ownerByKey.delete(key.hash);
    }
  }
}
