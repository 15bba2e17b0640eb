/** The progress bar's "done of total": counts as the language writes them, and bytes (backups) in MB. */
import { describe, expect, it } from 'vitest';
import { progressCount } from '../../renderer/components/count';

describe('progressCount', () => {
  it('writes entries, rows and pages as counts in the screen language', () => {
    expect(progressCount('hashing', 9385, 1_084_939, 'id')).toEqual({ done: '9.385', total: '1.084.939' });
    expect(progressCount('journal', 9385, 9385, 'en')).toEqual({ done: '9,385', total: '9,385' });
    expect(progressCount('copying', 256, 198_063, 'id')).toEqual({ done: '256', total: '198.063' });
  });

  it("writes a backup's compression and a restore's unpacking in MB, not bytes", () => {
    expect(progressCount('compressing', 52_494_336, 811_266_048, 'id')).toEqual({ done: '50 MB', total: '774 MB' });
    expect(progressCount('decompressing', 0, 326_872_609, 'en')).toEqual({ done: '0 MB', total: '312 MB' });
    expect(progressCount('compressing', 2_000_000_000, 2_000_000_000, 'id')).toEqual({ done: '1.907 MB', total: '1.907 MB' });
  });
});
