// Staff and PINs, shifts, sales, voids, refunds, receipts, audit log, sales reports. Owned by the till area.
export const tillMethods = {} as const;
