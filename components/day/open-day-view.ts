import { browser } from 'wxt/browser';

/** Opens the day view in a new tab (from the popup's day summary and the options page). */
export function openDayView(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/day.html') });
}
