import { browser } from 'wxt/browser';
import { forgetTab } from '@/lib/storage/page-reports';
import { handlePing, handleReportPage, handleSignIn, handleSignOut } from './handlers';
import { onMessage } from './protocol';

/**
 * Wires every message and event the background answers. Called synchronously
 * from the background's top level: a worker woken by a message only hears it
 * if the listener exists before the first await. Returns a function that
 * removes them all, for tests that register more than once.
 */
export function registerBackgroundHandlers(): () => void {
  // A closed tab's page reports describe nothing any more.
  const onTabRemoved = (tabId: number) => void forgetTab(tabId);
  browser.tabs.onRemoved.addListener(onTabRemoved);
  const removers = [
    onMessage('ping', handlePing),
    onMessage('reportPage', handleReportPage),
    onMessage('signIn', handleSignIn),
    onMessage('signOut', handleSignOut),
  ];
  return () => {
    removers.forEach((remove) => remove());
    browser.tabs.onRemoved.removeListener(onTabRemoved);
  };
}
