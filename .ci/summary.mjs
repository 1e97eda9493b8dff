// Prints the test summary of .ci/run: per runner, then one "N passed, N failed" line.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (vitestFile && existsSync(vitestFile)) {
  const r = JSON.parse(readFileSync(vitestFile, 'utf8'));
  const p = r.numPassedTests ?? 0;
  const f = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`unit (vitest): ${p} passed, ${f} failed, ${s} skipped in ${(r.testResults ?? []).length} files`);
  passed += p; failed += f; skipped += s;
} else {
  console.log('unit (vitest): no report (the step did not run or crashed)');
  failed += 1;
}

if (playwrightFile && existsSync(playwrightFile)) {
  const r = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  const st = r.stats ?? {};
  const p = st.expected ?? 0;
  const f = (st.unexpected ?? 0) + (st.flaky ?? 0) * 0;
  const s = st.skipped ?? 0;
  console.log(`browser (playwright): ${p} passed, ${f} failed, ${s} skipped${st.flaky ? ` (${st.flaky} flaky, passed on retry)` : ''}`);
  passed += p + (st.flaky ?? 0); failed += f; skipped += s;
} else if (playwrightFile) {
  console.log('browser (playwright): not run');
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
