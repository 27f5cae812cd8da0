import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pinnedNodeVersion, ROOT } = require('../support/runtime') as { pinnedNodeVersion: () => string | undefined; ROOT: string };

const pinned = pinnedNodeVersion();
const sqliteDir = join(ROOT, 'node_modules', 'better-sqlite3');

describe('the runtime the suites run on', () => {
  it('is Node 24 LTS, the version the project pins', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    if (pinned !== undefined) expect(process.version).toBe(`v${pinned}`);
  });

  it('loads better-sqlite3 compiled here, from the headers of this very runtime', () => {
    // better-sqlite3 loads build/Release before the prebuilt binaries its package ships, and the
    // project's postinstall compiles it against the pinned runtime (nodedir in .npmrc).
    const compiled = join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
    expect(existsSync(compiled)).toBe(true);
    const gypConfig = readFileSync(join(sqliteDir, 'build', 'config.gypi'), 'utf8');
    const nodedir = /"nodedir": "([^"]+)"/.exec(gypConfig)?.[1];
    expect(nodedir).toBeDefined();
    const headers = readFileSync(join(nodedir as string, 'include', 'node', 'node_version.h'), 'utf8');
    const part = (name: string): string => new RegExp(`#define NODE_${name}_VERSION (\\d+)`).exec(headers)?.[1] ?? '?';
    expect(`v${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`).toBe(process.version);

    const db = new Database(':memory:');
    expect(db.prepare('select sqlite_version() as v').get()).toEqual({ v: expect.any(String) });
    db.close();
  });
});
