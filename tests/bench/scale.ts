/** The sizes of the generated shop. `full` is SPEC §11's five years; `quick` checks the benchmark still runs. */
export interface Scale {
  name: 'full' | 'quick';
  producers: number;
  products: number;
  /** weeks settled and paid (260 = five years) */
  settledWeeks: number;
  /** weeks after the last settlement whose sales are not settled yet (finalize is measured on them) */
  openWeeks: number;
  /** the last `coreWeeks` settled weeks and every open week go through the app's own core */
  coreWeeks: number;
  /** average sale lines per day over the whole history */
  linesPerDay: number;
  /** the history ends at this local midnight (a Monday): the last open week ends here */
  endLocalDate: string;
  /** iterations per measurement (after warm-up) */
  iterations: {
    salesCreate: number;
    lookup: number;
    preview: number;
    /** reports.trust and the insight rows: 200, so that the p99 is a p99 (of 60 samples it was the slowest one) */
    reports: number;
    /** each list's page, the statement and the sales report */
    lists: number;
    verifyOne: number;
    verifyAll: number;
    startup: number;
    scans: number;
  };
  warmup: number;
  cartLines: number;
}

export const SCALES: Record<'full' | 'quick', Scale> = {
  full: {
    name: 'full',
    producers: 50,
    products: 500,
    settledWeeks: 260,
    openWeeks: 3,
    coreWeeks: 2,
    linesPerDay: 575,
    endLocalDate: '2026-11-23',
    iterations: { salesCreate: 1000, lookup: 2000, preview: 200, reports: 200, lists: 60, verifyOne: 10, verifyAll: 2, startup: 5, scans: 220 },
    warmup: 20,
    cartLines: 30,
  },
  quick: {
    name: 'quick',
    producers: 10,
    products: 50,
    settledWeeks: 10,
    openWeeks: 2,
    coreWeeks: 1,
    linesPerDay: 285,
    endLocalDate: '2026-11-23',
    iterations: { salesCreate: 100, lookup: 200, preview: 5, reports: 5, lists: 5, verifyOne: 5, verifyAll: 2, startup: 2, scans: 40 },
    warmup: 5,
    cartLines: 10,
  },
};
