import { browser } from 'wxt/browser';

export interface Notice {
  title: string;
  message: string;
  /** Up to two; Firefox shows none, so every choice must also be reachable from the popup. */
  buttons?: string[];
}

/** Shows (or replaces) the notification `id`. */
export async function notify(id: string, notice: Notice): Promise<void> {
  const base = { type: 'basic' as const, iconUrl: browser.runtime.getURL('/icon/128.png'), title: notice.title, message: notice.message };
  try {
    await browser.notifications.create(id, { ...base, buttons: notice.buttons?.map((title) => ({ title })), requireInteraction: true } as typeof base);
  } catch {
    // Firefox refuses buttons and requireInteraction: the plain notification still tells the user.
    await browser.notifications.create(id, base);
  }
}
