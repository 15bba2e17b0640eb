import { defineStrings } from './define';

// Strings of the system screens. Keys are prefixed 'system.'.
export const systemStrings = defineStrings({}, {});
