import { chmodSync, closeSync, openSync } from 'node:fs';

/**
 * Creates a file readable and writable by its owner only (0600), or tightens an existing one, before
 * SQLite opens it: SQLite gives the -wal and -shm files it creates the mode of the database file.
 */
export const privateFile = (path: string): string => {
  if (path === '' || path === ':memory:' || path.startsWith('file:')) return path;
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
  return path;
};
