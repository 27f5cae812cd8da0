/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * All databases of the server: name -> collection name -> StoredCollection. Collections appear on
 * their first write or index, as in MongoDB; reads of a missing collection see an empty one.
 */
import { StoredCollection } from './stored-collection';

export class TestDatabases {
  private readonly databases = new Map<string, Map<string, StoredCollection>>();

  get(dbName: string, name: string): StoredCollection | undefined {
    return this.databases.get(dbName)?.get(name);
  }

  getOrCreate(dbName: string, name: string): { collection: StoredCollection; created: boolean } {
    let collections = this.databases.get(dbName);
    if (!collections) this.databases.set(dbName, (collections = new Map()));
    const existing = collections.get(name);
    if (existing) return { collection: existing, created: false };
    const collection = new StoredCollection(dbName, name);
    collections.set(name, collection);
    return { collection, created: true };
  }

  list(dbName: string): StoredCollection[] {
    return [...(this.databases.get(dbName)?.values() ?? [])];
  }

  drop(dbName: string, name: string): StoredCollection | undefined {
    const collection = this.get(dbName, name);
    this.databases.get(dbName)?.delete(name);
    return collection;
  }

  dropDatabase(dbName: string): void {
    this.databases.delete(dbName);
  }
}
