// Intakes, stock on hand, returns to producers, stock counts, expiry. Owned by the stock area.
export const stockMethods = {} as const;
