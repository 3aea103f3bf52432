import { browser } from 'wxt/browser';
import { normaliseBaseUrl } from '@/lib/api/transport';

/**
 * The host-permission pattern for a server URL's origin, e.g. `https://tc.example.com/*`; null
 * for a URL sign-in would refuse (not a web address, or plain http:// to another computer), so
 * no access is ever asked for a server the token may not go to.
 */
export function serverPattern(serverUrl: string): string | null {
  try {
    const { protocol, hostname } = new URL(normaliseBaseUrl(serverUrl));
    return `${protocol}//${hostname}/*`;
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
  const pattern = serverPattern(serverUrl);
  if (!pattern) return true; // a URL sign-in refuses: it explains what is wrong with it
  return browser.permissions.request({ origins: [pattern] });
}
