/**
 * Says which database backends the run covers, and ends with one plain line any CI can read:
 * "tests: N passed, N failed, N skipped".
 */
const backends = () => ['pglite', ...(process.env.TEST_DATABASE_URL ? [`postgres (${process.env.TEST_DATABASE_URL})`] : [])].join(', ');

class SummaryReporter {
  onRunStart() {
    process.stdout.write(`\n[compileo tests] database backends: ${backends()}\n`);
  }

  onRunComplete(_contexts, results) {
    process.stdout.write(`\n[compileo tests] database backends: ${backends()}\n`);
    process.stdout.write(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}

module.exports = SummaryReporter;
