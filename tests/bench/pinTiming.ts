/**
 * Issue 11: an unknown staff id must cost what a real one costs, so timing
 * does not tell which ids exist. Wrong-PIN sign-ins for a real cashier (the
 * floor) and for an id nobody has, through the dispatcher; the clock jumps an
 * hour between tries so the (durable) lockout never short-cuts a check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { hashPin } from '../../electron/core/staff/pin';
import type { Row } from './coreBench';
import { summarize } from './stats';

export function measurePinTiming(rounds = 8): Row {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ukm-mart-bench-pin-'));
  let t = Date.parse('2026-11-02T02:00:00.000Z');
  const core = createCore({ dataDir, now: () => new Date((t += 3_600_000)), shell: 'browser' });
  try {
    const at = new Date(t).toISOString();
    const id = Number(
      core.db!.prepare("INSERT INTO staff (name, role, pin_hash, active, created_at, updated_at) VALUES ('Wulan', 'cashier', ?, 1, ?, ?)").run(hashPin('2468'), at, at)
        .lastInsertRowid,
    );
    const time = (staffId: number) => {
      const start = performance.now();
      const reply = core.call('auth.signIn', { staffId, pin: '1111' });
      const ms = performance.now() - start;
      if (reply.ok || reply.error.code !== 'FORBIDDEN') throw new Error(`expected a wrong PIN, got ${JSON.stringify(reply)}`);
      return ms;
    };
    time(id);
    time(987_654); // warm both paths (the dummy hash is made on first use)
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < rounds; i++) {
      known.push(time(id));
      unknown.push(time(987_654 + i));
    }
    const floor = summarize(known);
    const sample = summarize(unknown);
    const ratio = sample.p50 / floor.p50;
    return {
      key: 'pin_unknown_id',
      label: 'wrong PIN for an unknown staff id (floor: the same for a real one)',
      time: sample,
      floor,
      budget: 'p50 within 0.5–2× the real id (same order of magnitude)',
      ok: ratio >= 0.5 && ratio <= 2,
    };
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
