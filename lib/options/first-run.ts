import { browser } from 'wxt/browser';

/**
 * Opens the first-run page (entrypoints/welcome) once, when the extension is installed, never on
 * an update. Registered at the background's top level, so the install event that starts the
 * worker is heard.
 */
export function openFirstRunOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}
