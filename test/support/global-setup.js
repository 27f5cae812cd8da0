/**
 * Jest global setup: refuse to run the suites on another runtime than the project's. A test process
 * that loaded a native module built for another runtime, or ran on an unsupported Node, would prove
 * nothing about the one that serves.
 */
const { writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { pinnedNodeVersion, runtimeLine } = require('./runtime');

module.exports = async () => {
  const pinned = pinnedNodeVersion();
  if (pinned !== undefined && process.version !== `v${pinned}`) {
    throw new Error(
      `The tests must run on the pinned runtime v${pinned} (node_modules/.bin/node), not ${process.version}: run them with \`npm test\`.`,
    );
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) throw new Error(`Node ${process.version} is not supported (engines: >=22.12.0).`);
  process.stdout.write(`\nruntime: ${runtimeLine()}\n`);
  // Each test app appends how many answers it checked against the OpenAPI document.
  process.env.OPENAPI_CONFORMANCE_LOG = join(tmpdir(), `practice-core-openapi-conformance-${process.pid}.log`);
  writeFileSync(process.env.OPENAPI_CONFORMANCE_LOG, '');
};
