/** What the closing summary of a test run holds (written as JSON for run-tests.mjs). */
export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** Files that failed outside their tests: import errors, failed hooks, unhandled errors. */
  failedFiles: string[];
  /** Suites skipped with leave, each with its reason. */
  skippedSuites: { file: string; suite: string; reason: string; tests: number }[];
  /** Skipped tests that were not allowed to skip (counted as failed). */
  refusedSkips: string[];
}

export const summaryLine = (s: Pick<RunSummary, 'passed' | 'failed' | 'skipped'>): string => `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;

/**
 * Only the Electron suites may skip, because only they need a binary that
 * `npm install` may fail to download; every other suite runs or fails. A skip
 * must say why, and UKM_MART_REQUIRE_ALL=1 (a machine that has everything)
 * allows none.
 */
export function judgeSkip(file: string, reason: string | null, requireAll: boolean): { allowed: true } | { allowed: false; why: string } {
  if (requireAll) return { allowed: false, why: `skipped (${reason ?? 'no reason given'}) while UKM_MART_REQUIRE_ALL=1` };
  if (!file.startsWith('tests/electron/')) return { allowed: false, why: `skipped (${reason ?? 'no reason given'}), but only tests/electron/ may skip` };
  if (!reason) return { allowed: false, why: 'skipped without a reason' };
  return { allowed: true };
}
