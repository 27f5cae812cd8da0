import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ProjectionDefinition } from '../projection';

/** Raise it when what a read model holds changes in a way the sources below would not show. */
export const PROJECTIONS_VERSION = 1;

/** The source files (TypeScript under ts-node and Jest, JavaScript in dist) of a directory, specs left out. */
const sourcesOf = (root: string): string[] => {
  if (!existsSync(root)) return [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(entry.name) && !/\.(spec|d)\.(ts|js)$/.test(entry.name)) files.push(path);
    }
  };
  walk(root);
  return files.sort();
};

/**
 * The version of the read models a snapshot is written by: a hash of the projections' names, event
 * types and indexes, and of the sources of the projections and of the events (schemas, upcasters) they
 * fold. Any change to them gives another version, so a snapshot written before it is ignored and the
 * read models are rebuilt from the log.
 */
export const projectionsVersion = (projections: readonly ProjectionDefinition[]): string => {
  const hash = createHash('sha256');
  hash.update(`v${PROJECTIONS_VERSION}\n`);
  for (const projection of projections) {
    hash.update(JSON.stringify([projection.name, projection.eventTypes, projection.indexes]));
  }
  const readModels = join(__dirname, '..');
  for (const root of [readModels, join(readModels, '..', '..', 'events', 'src')]) {
    for (const file of sourcesOf(root)) {
      hash.update(relative(root, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 32);
};
