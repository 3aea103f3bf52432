import { defineTrustedItem } from './trusted';

/**
 * The trackers with optional hosts (`SiteInfo.optionalHosts`) the user switched on, by id. Such a
 * tracker is off until then; on, the background registers its script on its hosts once the
 * browser grants them, and the options page says when access is missing.
 */
export const trackersOn = defineTrustedItem<string[]>('trackersOn', { fallback: [] });
