/** Timings and their percentiles (nearest rank), in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? Number.NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

/**
 * Runs `fn` `warmup` times untimed, then `n` times timed: wall-clock time, and
 * the process's CPU time (user + system), which tells the app's own cost from
 * waiting for a busy machine or the disk.
 */
export function timeIt(n: number, warmup: number, fn: (i: number) => void): number[] & { cpu: number[] } {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const out = [] as unknown as number[] & { cpu: number[] };
  out.cpu = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    out.cpu.push((c.user + c.system) / 1000);
  }
  return out;
}

/**
 * `fn` and its raw floor, timed in turns (fn, floor, floor, fn, …): both see
 * the same machine, so a drift in its speed over the minutes a row takes
 * (another process, the disk, the page cache) moves both figures alike
 * instead of the ratio. The order alternates so neither always runs warm
 * behind the other.
 */
export function timePaired(n: number, warmup: number, fn: (i: number) => void, floor: () => void): { samples: number[] & { cpu: number[] }; floor: number[] } {
  const samples = [] as unknown as number[] & { cpu: number[] };
  samples.cpu = [];
  const floorSamples: number[] = [];
  const runFn = (i: number) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(i);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i >= 0) {
      samples.push(wall);
      samples.cpu.push((c.user + c.system) / 1000);
    }
  };
  const runFloor = (i: number) => {
    const t0 = performance.now();
    floor();
    if (i >= 0) floorSamples.push(performance.now() - t0);
  };
  for (let i = -warmup; i < n; i++) {
    if (i % 2 === 0) {
      runFn(i);
      runFloor(i);
    } else {
      runFloor(i);
      runFn(i);
    }
  }
  return { samples, floor: floorSamples };
}
