import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

// The origin the product talks to out of the box. A company on its own
// TimeCamp domain (or the sandbox) is an optional permission asked for at the
// moment the user sets that server URL, never up front.
const TIMECAMP_ORIGIN = 'https://app.timecamp.com/*';

// What the user may grant at run time, one host at a time. One pattern, not `https://*/*` and
// `http://*/*`: Chrome allows a request only when a single optional pattern covers each pattern
// asked for, and a tracker's domain is asked for on both schemes (`*://host/*`).
const ANY_ORIGIN_ON_REQUEST = ['*://*/*'];

// `wxt build --mode e2e` (into .output/chrome-mv3-e2e) is the shipped build plus
// test-only hosts. Its npm scripts set NODE_ENV=production, which WXT would otherwise set to the
// mode: the tests and the bench then run the shipped code, not development JSX. Test-only hosts: automation cannot click Chrome's permission dialog, so a
// runtime request for a `.test` domain or loopback must resolve without one, and
// so must switching on the trackers with optional hosts the e2e run uses: ClickUp, Gmail and
// Google Calendar.
const E2E_TEST_HOSTS = ['*://*.test/*', 'http://127.0.0.1/*', 'http://localhost/*', 'https://app.clickup.com/*', 'https://mail.google.com/*', 'https://calendar.google.com/*'];
// Firefox's e2e build also holds GitHub: the isolation test runs code in a GitHub tab's content-script
// sandbox, which Firefox lets an add-on page (`tabs.executeScript`) do only with the tab's host
// permission. Chrome grants a content script's hosts with it; Firefox does not.
const FIREFOX_E2E_TEST_HOSTS = [...E2E_TEST_HOSTS, 'https://github.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: ({ browser }) => ({
    plugins: [preact()],
    // Chrome and Firefox both know `<link rel=modulepreload>` (used for the popup's later chunks):
    // Vite's polyfill for it would only add bytes the popup parses before its first paint.
    build: { modulePreload: { polyfill: false } },
    // Firefox parses every byte of a page's or content script's JavaScript before running it, at about
    // a fifth of a millisecond per kilobyte on a slow machine: there the polyfill is Firefox's own `browser`.
    resolve: browser === 'firefox' ? { alias: { 'webextension-polyfill': fileURLToPath(new URL('lib/firefox-browser.ts', import.meta.url)) } } : {},
  }),
  hooks: {
    // The popup is built on its own: one script (and its styles, which modules/popup-inline-styles.ts
    // puts into the page), not the chunks it would share with the other pages. Each file is a round
    // trip to the browser before the popup can paint, and the popup is opened many times a day
    // (scripts/bench/sizes.ts holds it to three files).
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((group) => Array.isArray(group) && group.length > 1 && group.some((entry) => entry.name === 'popup'));
      if (Array.isArray(pages)) groups.push(pages.splice(pages.findIndex((entry) => entry.name === 'popup'), 1));
    },
  },
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: 'TimeCamp Tracker',
    // The popup's text comes from public/_locales (English and Polish).
    default_locale: 'en',
    description: 'Start and stop TimeCamp timers from the toolbar and from inside your issue tracker.',
    // scripting: content scripts on self-hosted domains the user adds (lib/integrations/self-hosted.ts).
    // activeTab: the popup's "Track this page" reads the current tab's title (and asks its tracker integration for the issue).
    permissions: ['storage', 'alarms', 'idle', 'notifications', 'contextMenus', 'activeTab', 'scripting'],
    commands: {
      'toggle-timer': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: 'Start your last task, or stop the running timer',
      },
    },
    host_permissions: [TIMECAMP_ORIGIN, ...(mode === 'e2e' ? (browser === 'firefox' ? FIREFOX_E2E_TEST_HOSTS : E2E_TEST_HOSTS) : [])],
    // tabs: browser activity (lib/activity) reads the address and title of the tab in front, only once
    // the user switches it on; asked for then, and given back when it is switched off.
    // MV2 (Firefox) has no optional_host_permissions: origins go with the optional permissions.
    ...(manifestVersion === 3
      ? { optional_permissions: ['tabs'], optional_host_permissions: ANY_ORIGIN_ON_REQUEST }
      : { optional_permissions: ['tabs', ...ANY_ORIGIN_ON_REQUEST] }),
    // The task picker a tracker's button opens is this page, in a frame (entrypoints/picker). Any
    // host may be a tracker's (self-hosted and custom domains are added at run time), so any page
    // may frame it; with a dynamic URL (Chrome) its address changes every session and cannot be
    // guessed, so pages can neither probe for the extension nor frame the picker themselves.
    // Firefox (MV2) takes a plain list; its addresses carry a random per-install id.
    web_accessible_resources: [{ resources: ['picker.html'], matches: ['*://*/*'], use_dynamic_url: true }],
    browser_specific_settings: {
      gecko: {
        id: 'tracker@timecamp-extension.org',
        // The first version on desktop and Android that reads data_collection_permissions.
        strict_min_version: '142.0',
        // The token goes to the user's TimeCamp server, and issue titles become entry notes there.
        // Browser activity, when switched on, sends the sites visited (and their titles, if allowed) to TimeCamp.
        data_collection_permissions: { required: ['authenticationInfo', 'websiteContent'], optional: ['browsingActivity'] },
      },
    },
  }),
});
