import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BrowserNotFoundError, findFirefox } from '../../../scripts/ensure-browsers';
import { SANDBOX_TIME_ZONE } from '../../sandbox';
import { FIREFOX_E2E_BUILD_DIR } from './paths';

/** The build's Gecko id (wxt.config.ts), the key under which Firefox takes a fixed internal UUID. */
const GECKO_ID = 'tracker@timecamp-extension.org';
/**
 * The extension's internal UUID in every test profile. Firefox draws a random one per install;
 * fixing it (pref `extensions.webextensions.uuids`) gives the tests `moz-extension://<uuid>/popup.html`.
 */
export const FIREFOX_EXTENSION_UUID = '5d1c7e2a-3b4f-4c6d-9e8f-0a1b2c3d4e5f';

export interface FirefoxLaunchOptions {
  /**
   * Host names the fixture server plays, all on port 443 of 127.0.0.1: Firefox resolves a name
   * to loopback (`network.dns.localDomains`) but cannot change its port.
   */
  hosts?: string[];
  extensionDir?: string;
  headless?: boolean;
  /** The browser's UI language (`intl.locale.requested`): the extension's catalogue follows it. */
  language?: string;
  /** Unload the extension's event page after this long idle (Firefox's default: 30 s). */
  backgroundIdleMs?: number;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** Opens an extension page (`popup.html`, `options.html`) in a new tab, once it has content. */
  openExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Every request to a name that is neither loopback nor a mapped host goes to a proxy that is not
 * there (port 9 of loopback, "discard"), so a test can never reach the real site by accident: what
 * `MAP * ~NOTFOUND` does for Chromium.
 */
function loopbackOnlyProxy(hosts: string[]): string {
  const direct = JSON.stringify(['localhost', '127.0.0.1', '[::1]', ...hosts]);
  return `data:text/javascript,${encodeURIComponent(`function FindProxyForURL(url, host) { return ${direct}.indexOf(host) >= 0 ? 'DIRECT' : 'PROXY 127.0.0.1:9'; }`)}`;
}

/** Debian's Firefox ESR, driven over WebDriver BiDi, with the unpacked Firefox build installed as a temporary add-on. */
export async function launchFirefox({ hosts = [], extensionDir = FIREFOX_E2E_BUILD_DIR, headless = true, language = 'en', backgroundIdleMs }: FirefoxLaunchOptions = {}): Promise<LaunchedFirefox> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:e2e:firefox\` (or drop E2E_SKIP_BUILD).`);
  }
  const executablePath = findFirefox();
  if (!executablePath) throw new BrowserNotFoundError('Firefox not found: run `npx tsx scripts/ensure-browsers.ts` or set FIREFOX_PATH.');
  for (const host of hosts) {
    if (!/^[a-z0-9.-]+$/i.test(host)) throw new Error(`hosts: ${JSON.stringify(host)} is not a host name`);
  }

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    // The fixture server's certificate is self-signed, as in Chromium's runs.
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    // Firefox refuses automated navigation to moz-extension:// pages without it.
    args: ['--remote-allow-system-access'],
    env: { ...process.env, TZ: SANDBOX_TIME_ZONE },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'intl.locale.requested': language,
      'intl.accept_languages': language,
      'network.dns.localDomains': hosts.join(','),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': loopbackOnlyProxy(hosts),
      // Loopback goes straight to the sandbox and fixtures, never through the proxy above.
      'network.proxy.allow_hijacking_localhost': false,
      // performance.now() to the microsecond, as in Chromium: by default Firefox rounds it to a
      // whole millisecond, too coarse for the bench's figures of a few milliseconds.
      'privacy.reduceTimerPrecision': false,
      ...(backgroundIdleMs === undefined ? {} : { 'extensions.background.idle.timeout': backgroundIdleMs }),
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }

  return {
    browser,
    openExtensionPage: async (file) => {
      const url = `moz-extension://${FIREFOX_EXTENSION_UUID}/${file}`;
      // Firefox never reports `load` for an extension page driven this way: go, then wait for the
      // page's own content. Now and then, on a busy machine, a fresh tab never leaves about:blank:
      // give up on that tab and go again in a new one.
      const failures: string[] = [];
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const page = await browser.newPage();
        let navigation = 'pending';
        page.goto(url).then(
          () => (navigation = 'done'),
          (error: Error) => (navigation = error.message),
        );
        try {
          await page.waitForSelector('#app > *', { timeout: 7_000 });
          return page;
        } catch {
          failures.push(`at ${page.url()}, navigation ${navigation}`);
          await page.close().catch(() => undefined);
        }
      }
      throw new Error(`${url} showed nothing in three tabs: ${failures.join('; ')}`);
    },
    close: () => browser.close(),
  };
}
