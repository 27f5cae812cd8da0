// npm start: compiles only when the build is not current, then runs the entry point in this process.
// Current = dist/.build-stamp (written after a successful build here) is newer than every source file,
// every source directory (a deleted file changes its directory) and the build's configuration.
// Usage: node scripts/start.js [entry under dist/, default apps/command-api/src/main.js]
const { existsSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const entry = join(root, 'dist', args.find((arg) => !arg.startsWith('--')) ?? 'apps/command-api/src/main.js');
const stamp = join(root, 'dist', '.build-stamp');

const newest = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of readdirSync(path)) {
    if (child === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, child)));
  }
  return latest;
};

const sourcesChangedAt = () =>
  Math.max(...['apps', 'libs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'].map((path) => join(root, path)).filter(existsSync).map(newest));

const current = () => existsSync(entry) && existsSync(stamp) && statSync(stamp).mtimeMs > sourcesChangedAt();

if (!current()) {
  const startedAt = Date.now();
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  // The stamp carries the time the build started: a source saved during the build makes the next start build again.
  writeFileSync(stamp, new Date(startedAt).toISOString() + '\n');
  const at = new Date(startedAt);
  utimesSync(stamp, at, at);
}

if (args.includes('--check')) process.exit(0);
process.argv.splice(2, process.argv.length - 2);
// V8's compiled code of the modules is kept on disk beside the build and reused by the next start
// (about 0.5 s of a start's CPU here); an entry is used only while its file is unchanged, and a cache
// that cannot be written (a read-only image) only means compiling as before.
require('node:module').enableCompileCache?.(join(root, 'dist', '.compile-cache'));
require(entry);
