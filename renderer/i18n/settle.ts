import { defineStrings } from './define';

// Strings of the settle screens. Keys are prefixed 'settle.'.
export const settleStrings = defineStrings({}, {});
