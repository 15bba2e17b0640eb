// Producers, products and their effective-dated terms. Owned by the catalogue area.
export const catalogueMethods = {} as const;
