/**
 * Prints one closing line CI can read: `tests: N passed, N failed` (and skipped, if any).
 * Suites that fail to run at all count as failed tests, so a broken file cannot pass unseen.
 */
const { existsSync, readFileSync } = require('node:fs');

/** How many answers of the end-to-end suites were checked against the OpenAPI document. */
const conformanceLine = () => {
  const log = process.env.OPENAPI_CONFORMANCE_LOG;
  if (!log || !existsSync(log)) return '';
  const checked = readFileSync(log, 'utf8').split('\n').filter(Boolean).reduce((sum, n) => sum + Number(n), 0);
  return `openapi: ${checked} answers checked against the document\n`;
};

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\nruntime: node ${process.version}\n${conformanceLine()}tests: ${results.numPassedTests} passed, ${failed} failed${tail}\n`);
  }
}

module.exports = SummaryReporter;
