/**
 * Test seam for the crash-safety tests (tests/integration/restore-kill.test.ts):
 * with `UKM_MART_CRASH_AT=<step>` (e.g. `restore:swapped`, `close:db-closed`)
 * the process SIGKILLs itself at that step, exactly as a pulled plug or a
 * killed app would stop it there. Unset (always, in the shop), it does nothing.
 */
export function crashPoint(step: string): void {
  if (process.env.UKM_MART_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}
