import { defineStrings } from './define';

// Strings of the till screens. Keys are prefixed 'till.'.
export const tillStrings = defineStrings({}, {});
