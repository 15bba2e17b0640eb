// The trust ledger report. Owned by the trust area.
export const trustMethods = {} as const;
