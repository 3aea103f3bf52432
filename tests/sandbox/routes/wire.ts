// Spellings the real server uses for values, shared by the sections.

/** Flags as the strings '0'/'1' (most fields). */
export const flag = (value: boolean): string => (value ? '1' : '0');

/** Flags as the numbers 0/1 (e.g. an entry's `billable`). */
export const bit = (value: boolean): number => (value ? 1 : 0);
