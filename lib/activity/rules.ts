import { DEFAULT_SETTINGS, type ActivitySettings, type Settings } from '@/lib/storage/settings';

/** What the browser says about the tab in front, as far as the rules read it. */
export interface FrontTab {
  tabId: number;
  url?: string;
  title?: string;
  incognito: boolean;
}

/** What one span records: the site, and its page title only when the user allows titles. */
export interface SpanSubject {
  domain: string;
  title: string | null;
}

/** The activity settings of stored settings; settings saved by a version before activity existed lack them. */
export function activitySettingsOf(stored: Partial<Settings> | null | undefined): ActivitySettings {
  return { ...DEFAULT_SETTINGS.activity, ...stored?.activity };
}

/** `domain` is `excluded` itself or one of its subdomains (`mail.example.com` under `example.com`). */
export function isExcluded(domain: string, excluded: readonly string[]): boolean {
  return excluded.some((entry) => {
    const rule = entry.trim().toLowerCase().replace(/\.$/, '');
    return rule !== '' && (domain === rule || domain.endsWith(`.${rule}`));
  });
}

/**
 * What may be recorded of the tab in front, or null when nothing may: web
 * pages only (`http:` and `https:`, so never `file:` nor the extension's own
 * or the browser's pages), never a private window, never a URL carrying a
 * user name or password, never an excluded domain. The title only when
 * titles are allowed.
 */
export function subjectOf(tab: FrontTab | null, prefs: ActivitySettings): SpanSubject | null {
  if (!tab || tab.incognito || !tab.url) return null;
  let url: URL;
  try {
    url = new URL(tab.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const domain = url.hostname.toLowerCase().replace(/\.$/, '');
  if (domain === '' || isExcluded(domain, prefs.excluded)) return null;
  const title = prefs.titles ? tab.title?.trim() || null : null;
  return { domain, title };
}
