import { defineStrings } from './define';

// Strings of the trust screens. Keys are prefixed 'trust.'.
export const trustStrings = defineStrings({}, {});
