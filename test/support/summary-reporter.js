/**
 * Prints one closing line CI can read: `tests: N passed, N failed` (and skipped, if any).
 * Suites that fail to run at all count as failed tests, so a broken file cannot pass unseen.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\nruntime: node ${process.version}\ntests: ${results.numPassedTests} passed, ${failed} failed${tail}\n`);
  }
}

module.exports = SummaryReporter;
