import { browser } from 'wxt/browser';

/** The host-permission pattern for a server URL's origin, e.g. `https://tc.example.com/*`. */
export function originPattern(serverUrl: string): string | null {
  try {
    const { protocol, hostname } = new URL(serverUrl.trim());
    return protocol === 'https:' || protocol === 'http:' ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}

/**
 * Asks for access to a custom TimeCamp server (a company's own domain, or the
 * sandbox). Must run inside the click that asked for it: browsers only show
 * the permission prompt during a user gesture. True when access is granted
 * (at once when the manifest already covers it, as for app.timecamp.com).
 */
export async function requestServerPermission(serverUrl: string): Promise<boolean> {
  const pattern = originPattern(serverUrl);
  if (!pattern) return true; // an unreadable URL: sign-in explains what is wrong with it
  return browser.permissions.request({ origins: [pattern] });
}
