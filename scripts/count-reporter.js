/**
 * Prints `N passed, N failed` as the run's last line, so CI (and people) can see at a glance how
 * many tests ran — a run that executed none shows `0 passed`.
 */
export function countReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const walk = (suite) => {
    if (!suite) return;
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        walk(session.testResults);
        // A file that failed to load has no test results but must not count as green.
        if (!session.testResults && session.errors?.length) failed++;
      }
    },
    async stop() {
      console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
