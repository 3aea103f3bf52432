/** The integration id of every custom integration's buttons (each keeps its own id in external ids). */
export const CUSTOM = 'custom';
