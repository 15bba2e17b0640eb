/**
 * Times `expiry.list` on a copy of the benchmark's five-year store (issue #14).
 * Usage: npx tsx tests/tools/expiry-measure.ts <dataDir with ukm-mart.sqlite> [out.json]
 * Never point it at the bench cache itself: open a copy.
 */
import fs from 'node:fs';
import { createCore } from '../../electron/core/app';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: expiry-measure.ts <dataDir> [out.json]');
const core = createCore({ dataDir, backgroundChecksAfterMs: null, now: () => new Date('2026-11-23T03:00:00.000Z') });
const signIn = core.call('auth.signIn', { staffId: 1, pin: '1234' });
if (!signIn.ok) throw new Error(signIn.error.message);
const caller = { sessionId: (signIn.value as { sessionId: string }).sessionId };
let last: unknown;
for (let i = 0; i < 3; i++) {
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  const reply = core.call('expiry.list', {}, caller);
  const cpu = process.cpuUsage(c0);
  const wall = performance.now() - w0;
  if (!reply.ok) throw new Error(reply.error.message);
  last = reply.value;
  console.log(`expiry.list run ${i + 1}: wall ${wall.toFixed(1)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms`);
}
if (process.argv[3]) fs.writeFileSync(process.argv[3], JSON.stringify(last, null, 1));
