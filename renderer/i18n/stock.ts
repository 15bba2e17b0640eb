import { defineStrings } from './define';

// Strings of the stock screens. Keys are prefixed 'stock.'.
export const stockStrings = defineStrings({}, {});
