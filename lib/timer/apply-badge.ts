import { browser } from 'wxt/browser';
import type { Badge } from './badge';

const ICONS = {
  running: { 16: '/icon/16.png', 32: '/icon/32.png' },
  stopped: { 16: '/icon/stopped-16.png', 32: '/icon/stopped-32.png' },
};

/** Shows a badge on the toolbar button (`action` in MV3, `browserAction` in Firefox's MV2). */
export async function applyBadge(badge: Badge): Promise<void> {
  const button = browser.action ?? browser.browserAction;
  await Promise.all([
    button.setBadgeText({ text: badge.text }),
    button.setBadgeBackgroundColor({ color: badge.color }),
    button.setTitle({ title: badge.title }),
    button.setIcon({ path: ICONS[badge.icon] }),
  ]);
}
