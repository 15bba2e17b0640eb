import { defineStrings } from './define';

// Strings of the catalogue screens. Keys are prefixed 'catalogue.'.
export const catalogueStrings = defineStrings({}, {});
