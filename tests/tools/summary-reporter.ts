import fs from 'node:fs';
import type { Reporter, TestCase, TestModule, TestSuite, Vitest } from 'vitest/node';
import { judgeSkip, summaryLine, type RunSummary } from './summary-rules';

/**
 * Ends the run with the one line CI reads: `N passed, N failed, N skipped`,
 * and says why before it: every file that failed outside its tests (an import
 * error, a failing beforeAll/afterAll, a suite that threw while collecting),
 * and every skipped suite with its reason.
 *
 * The line never hides a failure:
 * - a file whose import, suite or hook failed counts as failed whatever its
 *   test count; the tests a failed hook kept from running count as failed, not
 *   skipped (they proved nothing);
 * - only the Electron suites (tests/electron/) may skip, only with a reason in
 *   their name (`… — skipped: <why>`); any other skip counts as failed, and
 *   `UKM_MART_REQUIRE_ALL=1` makes every skip a failure.
 *
 * Under `npm test` (tests/tools/run-tests.mjs) the summary is also written as
 * JSON to UKM_MART_SUMMARY_FILE, and run-tests prints the line last and exits
 * with the matching code, so nothing vitest prints after this hides it.
 */
export default class SummaryReporter implements Reporter {
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    const summary: RunSummary = { passed: 0, failed: 0, skipped: 0, failedFiles: [], skippedSuites: [], refusedSkips: [] };
    const requireAll = process.env.UKM_MART_REQUIRE_ALL === '1';
    for (const mod of modules) {
      const file = relative(this.root, mod.moduleId);
      const broken = brokenParts(mod);
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') summary.passed++;
        else if (result.state === 'failed') failedHere++;
        else if (broken.length) failedHere++; // kept from running by a failed hook or suite
        else {
          const reason = skipReason(test);
          const verdict = judgeSkip(file, reason, requireAll);
          if (verdict.allowed) {
            summary.skipped++;
            addSkippedSuite(summary, file, skippedName(test), reason!);
          } else {
            failedHere++;
            summary.refusedSkips.push(`${file} › ${test.fullName}: ${verdict.why}`);
          }
        }
      }
      if (broken.length || (mod.state() === 'failed' && failedHere === 0)) {
        // An import error leaves no tests; a failed afterAll leaves only passed ones.
        if (failedHere === 0) failedHere = 1;
        summary.failedFiles.push(`${file}: ${broken.length ? broken.join('; ') : 'failed outside its tests'}`);
      }
      summary.failed += failedHere;
    }
    summary.failed += errors.length;
    for (const e of errors) summary.failedFiles.push(`unhandled error: ${firstLine(e)}`);

    const out: string[] = [];
    if (summary.failedFiles.length) out.push('', 'Files that failed outside their tests or with errors:', ...summary.failedFiles.map((f) => `  ✗ ${f}`));
    if (summary.refusedSkips.length) out.push('', 'Skips that are not allowed (counted as failed):', ...summary.refusedSkips.map((s) => `  ✗ ${s}`));
    if (summary.skippedSuites.length) out.push('', 'Skipped suites:', ...summary.skippedSuites.map((s) => `  - ${s.file} › ${s.suite} (${s.tests} tests): ${s.reason}`));
    const target = process.env.UKM_MART_SUMMARY_FILE;
    if (target) fs.writeFileSync(target, JSON.stringify(summary));
    else out.push('', summaryLine(summary));
    if (out.length) process.stdout.write(out.join('\n') + '\n');
  }
}

function relative(root: string, id: string): string {
  const r = root.endsWith('/') ? root : `${root}/`;
  return id.startsWith(r) ? id.slice(r.length) : id;
}

function firstLine(e: unknown): string {
  const err = e as { message?: string; name?: string } | undefined;
  return String(err?.message ?? err?.name ?? e).split('\n')[0]!;
}

/** The errors of the module or of any suite in it: import errors, failed hooks, a throwing describe. */
function brokenParts(mod: TestModule): string[] {
  const parts: string[] = [];
  for (const e of mod.errors()) parts.push(firstLine(e));
  for (const suite of mod.children.allSuites()) for (const e of suite.errors()) parts.push(`${suite.fullName}: ${firstLine(e)}`);
  return parts;
}

/** The nearest suite that was skipped as a whole (its name carries the reason), or the test itself. */
function skippedOwner(test: TestCase): TestCase | TestSuite {
  let owner: TestCase | TestSuite = test;
  for (let p = test.parent; p.type === 'suite'; p = p.parent) if (p.options.mode === 'skip') owner = p;
  return owner;
}

function skippedName(test: TestCase): string {
  return skippedOwner(test).fullName;
}

function skipReason(test: TestCase): string | null {
  const result = test.result();
  if (result.state === 'skipped' && result.note) return result.note;
  const m = /—\s*skipped:\s*(.+)$/.exec(skippedOwner(test).name);
  return m ? m[1]!.trim() : null;
}

function addSkippedSuite(summary: RunSummary, file: string, suite: string, reason: string): void {
  const known = summary.skippedSuites.find((s) => s.file === file && s.suite === suite);
  if (known) known.tests++;
  else summary.skippedSuites.push({ file, suite, reason, tests: 1 });
}
