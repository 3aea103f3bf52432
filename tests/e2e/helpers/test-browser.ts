import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import type { FixtureRoute } from './fixture-routes';
import { launchExtension } from './launch-extension';
import { FIREFOX_EXTENSION_UUID, launchFirefox } from './launch-firefox';
import { SCREENSHOTS_DIR } from './paths';
import { screenshot } from './screenshot';

/** The browsers every file written against `TestBrowser` runs in. */
export const BROWSERS = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

/**
 * A page as the cross-browser tests drive it: Playwright in Chromium, Puppeteer over WebDriver
 * BiDi in Firefox. Elements are found the way a user finds them (label, role and name, text).
 * Clicks are the automation's input actions, which Firefox needs for `permissions.request`.
 */
export interface TestPage {
  /** Types into the field with this label, replacing what it held. */
  fill(label: string, value: string): Promise<void>;
  /** Clicks the element with this role and exact accessible name. */
  click(role: string, name: string): Promise<void>;
  /** Clicks like `click` and answers the tab that the click opened. */
  clickOpening(role: string, name: string): Promise<TestPage>;
  /** Waits until an element with this role (and name, when given) is shown. */
  waitForRole(role: string, name?: string): Promise<void>;
  /** The value of the field with this label. */
  inputValue(label: string): Promise<string>;
  /** The text of the first element with this role (and name), or '' when there is none. */
  textOf(role: string, name?: string): Promise<string>;
  /** Waits until this text is on the page. */
  waitForText(text: string): Promise<void>;
  /** Runs `fn(arg)` in the page and answers its JSON value, as Playwright's `evaluate` does. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  title(): Promise<string>;
  reload(): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** A full-page PNG named `<name>.png` in `dir` (this browser's screenshot folder by default); answers its path. */
  screenshot(name: string, dir?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  /** The toolbar popup, opened as a tab (automation cannot click the toolbar). */
  openPopup(): Promise<TestPage>;
  openOptions(): Promise<TestPage>;
  /** Any page of the extension, by file name (`day.html`). */
  openExtensionPage(file: string): Promise<TestPage>;
  /**
   * A web page (a fixture played on its real host name) in a new tab. `beforeLoad`: a script run
   * in the page before any of its own (the bench's probe of when things appear).
   */
  open(url: string, options?: { beforeLoad?: string }): Promise<TestPage>;
  /**
   * Runs `expression` where the extension's content scripts run on `page` (their isolated world)
   * and answers its value: what a compromised renderer of a tracker's page could reach.
   */
  inContentScript(page: TestPage, expression: string): Promise<unknown>;
  /**
   * Settles once the extension's background is no longer running, as when the browser unloads it
   * for being idle; the next event starts it again. `from` is one of the extension's pages.
   * Chromium's worker is stopped at once (DevTools protocol); Firefox's event page is left to
   * unload by itself, which needs the browser launched with `backgroundIdleMs`.
   */
  stopBackground(from: TestPage): Promise<void>;
  /** Settles when the browser is gone: its last window closed by the user, or `close()`. */
  closed(): Promise<void>;
  close(): Promise<void>;
}

export interface TestBrowserOptions {
  /** Fixture pages it reaches under their real host names. */
  fixtures?: FixtureServer;
  /** A visible window, for `npm run demo` on a machine with a display. */
  headless?: boolean;
  /** An unpacked build to load instead of the e2e build of that browser. */
  extensionDir?: string;
  /** Firefox: unload the idle event page after this long (see `stopBackground`). Chromium's worker is stopped on demand. */
  backgroundIdleMs?: number;
}

/** Screenshots of Chromium go to `test-results/e2e/`, Firefox's to `test-results/e2e/firefox/`. */
const screenshotDir = (name: BrowserName) => (name === 'chromium' ? SCREENSHOTS_DIR : join(SCREENSHOTS_DIR, 'firefox'));

/**
 * The fixture server for `name`. Firefox can point a host name at loopback but not at another
 * port, so its fixtures answer on 443 (the e2e run is root in CI; elsewhere, allow low ports).
 */
export function startFixturesFor(name: BrowserName, routes?: FixtureRoute[]): Promise<FixtureServer> {
  return startFixtureServer(routes, { port: name === 'firefox' ? 443 : 0 });
}

export async function launchTestBrowser(name: BrowserName, options: TestBrowserOptions = {}): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefoxBrowser(options);
}

async function launchChromium({ fixtures, headless, extensionDir }: TestBrowserOptions): Promise<TestBrowser> {
  const extension = await launchExtension({ hostMap: fixtures?.hostMap, headless, extensionDir });
  const closed = new Promise<void>((resolve) => extension.context.on('close', () => resolve()));
  const pages = new Map<TestPage, PlaywrightPage>();
  const wrap = (page: PlaywrightPage): TestPage => {
    // The form control of that name: a list box may carry the same label as its field.
    const field = (label: string) => page.getByLabel(label, { exact: true }).and(page.locator('input, select, textarea'));
    const wrapped: TestPage = {
      fill: (label, value) => field(label).fill(value),
      click: (role, name) => page.getByRole(role as 'button', { name, exact: true }).click(),
      clickOpening: async (role, name) => {
        const [opened] = await Promise.all([page.context().waitForEvent('page'), page.getByRole(role as 'button', { name, exact: true }).click()]);
        return wrap(opened);
      },
      waitForRole: (role, name) => page.getByRole(role as 'button', name === undefined ? {} : { name, exact: true }).first().waitFor(),
      inputValue: (label) => field(label).inputValue(),
      textOf: async (role, name) => {
        const found = page.getByRole(role as 'button', name === undefined ? {} : { name, exact: true });
        return (await found.count()) === 0 ? '' : ((await found.first().textContent()) ?? '');
      },
      waitForText: (text) => page.getByText(text).first().waitFor(),
      evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
      title: () => page.title(),
      reload: async () => void (await page.reload()),
      setViewport: (size) => page.setViewportSize(size),
      screenshot: (name, dir = screenshotDir('chromium')) => screenshot(page, name, dir),
      close: () => page.close(),
    };
    pages.set(wrapped, page);
    return wrapped;
  };
  return {
    name: 'chromium',
    openPopup: async () => wrap(await extension.openPopup()),
    openOptions: async () => wrap(await extension.openOptions()),
    openExtensionPage: async (file) => {
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${extension.extensionId}/${file}`);
      return wrap(page);
    },
    open: async (url, { beforeLoad } = {}) => {
      const page = await extension.context.newPage();
      if (beforeLoad) await page.addInitScript({ content: beforeLoad });
      await page.goto(url);
      return wrap(page);
    },
    inContentScript: async (page, expression) => {
      const raw = pages.get(page);
      if (!raw) throw new Error('inContentScript: not a page of this browser');
      return inChromiumIsolatedWorld(raw, extension.extensionId, expression);
    },
    stopBackground: async (from) => {
      const raw = pages.get(from);
      if (!raw) throw new Error('stopBackground: not a page of this browser');
      const cdp = await extension.context.newCDPSession(raw);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    closed: () => closed,
    close: () => extension.close(),
  };
}

/** Evaluates `expression` in the extension's isolated world through the DevTools protocol, as an exploit inside the renderer would. */
async function inChromiumIsolatedWorld(page: PlaywrightPage, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; type?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push({ id: context.id, origin: context.origin, type: context.auxData?.type }));
  await cdp.send('Runtime.enable');
  const world = worlds.find((candidate) => candidate.type === 'isolated' && candidate.origin.includes(extensionId));
  if (!world) throw new Error(`no isolated world of the extension on ${page.url()}: ${JSON.stringify(worlds)}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

async function launchFirefoxBrowser({ fixtures, headless, extensionDir, backgroundIdleMs }: TestBrowserOptions): Promise<TestBrowser> {
  if (fixtures && fixtures.port !== 443) throw new Error('Firefox reaches fixtures on port 443 only: start them with startFixturesFor(\'firefox\')');
  const firefox = await launchFirefox({ hosts: Object.keys(fixtures?.hostMap ?? {}), headless, extensionDir, backgroundIdleMs });
  const closed = new Promise<void>((resolve) => firefox.browser.once('disconnected', () => resolve()));
  const pages = new Map<TestPage, PuppeteerPage>();
  // Firefox answers ARIA queries from the document only, never inside a shadow root: ask inside the
  // in-page button's too (asking inside every element's, `* >>>`, takes seconds on a large page).
  const aria = (role: string, name?: string) => {
    const query = `::-p-aria([role=${JSON.stringify(role)}]${name === undefined ? '' : `[name=${JSON.stringify(name)}]`})`;
    return `${query}, timecamp-button >>> ${query}`;
  };
  const wrap = (page: PuppeteerPage): TestPage => {
    page.setDefaultTimeout(10_000);
    const wrapped: TestPage = {
      fill: async (label, value) => {
        const field = await fieldLabelled(page, label);
        await field.evaluate((element) => ((element as HTMLInputElement).value = ''));
        await field.type(value);
      },
      // Puppeteer's locators wait for animation frames that headless Firefox's background tabs never
      // draw; element handles click through the same input actions without that wait.
      click: async (role, name) => void (await (await page.waitForSelector(aria(role, name), { visible: true }))!.click()),
      clickOpening: async (role, name) => {
        const before = new Set(await firefox.browser.pages());
        await wrapped.click(role, name);
        const opened = await firefox.browser.waitForTarget(async (target) => target.type() === 'page' && !before.has((await target.page())!));
        return wrap((await opened.page())!);
      },
      waitForRole: async (role, name) => void (await page.waitForSelector(aria(role, name), { visible: true })),
      inputValue: async (label) => (await fieldLabelled(page, label)).evaluate((element) => (element as HTMLInputElement).value),
      textOf: async (role, name) => {
        const found = await page.$(aria(role, name));
        return found ? await found.evaluate((element) => element.textContent ?? '') : '';
      },
      waitForText: async (text) => void (await page.waitForSelector(`::-p-text(${JSON.stringify(text)})`)),
      evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
      title: () => page.title(),
      reload: async () => void (await page.reload()),
      setViewport: (size) => page.setViewport(size),
      screenshot: (name, dir = screenshotDir('firefox')) => screenshot(page, name, dir),
      close: () => page.close(),
    };
    pages.set(wrapped, page);
    return wrapped;
  };
  return {
    name: 'firefox',
    openPopup: async () => wrap(await firefox.openExtensionPage('popup.html')),
    openOptions: async () => wrap(await firefox.openExtensionPage('options.html')),
    openExtensionPage: async (file) => wrap(await firefox.openExtensionPage(file)),
    open: async (url, { beforeLoad } = {}) => {
      const page = await firefox.browser.newPage();
      if (beforeLoad) await page.evaluateOnNewDocument(beforeLoad);
      await page.goto(url);
      return wrap(page);
    },
    inContentScript: async (page, expression) => {
      const raw = pages.get(page);
      if (!raw) throw new Error('inContentScript: not a page of this browser');
      return inFirefoxContentScript(firefox.openExtensionPage, raw.url(), expression);
    },
    stopBackground: async (from) => {
      if (backgroundIdleMs === undefined) throw new Error('stopBackground: launch Firefox with backgroundIdleMs');
      // `extension.getBackgroundPage()` answers null once the event page is unloaded, without waking it.
      await from.evaluate(async (waitMs) => {
        const { extension } = (globalThis as unknown as { browser: { extension: { getBackgroundPage(): unknown } } }).browser;
        const end = Date.now() + waitMs;
        while (extension.getBackgroundPage() !== null) {
          if (Date.now() > end) throw new Error('the event page did not unload');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }, backgroundIdleMs + 10_000);
    },
    closed: () => closed,
    close: () => firefox.close(),
  };
}

/**
 * The form control named `label` by its `<label>` or `aria-label`. Looked up in the page: Firefox
 * answers each ARIA query over WebDriver BiDi in seconds on a page as long as the options page.
 */
async function fieldLabelled(page: PuppeteerPage, label: string): Promise<ElementHandle> {
  const handle = await page.waitForFunction(
    (label) =>
      [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')].find(
        (field) => field.getAttribute('aria-label') === label || [...(field.labels ?? [])].some((element) => element.textContent?.trim() === label),
      ),
    {},
    label,
  );
  return handle as ElementHandle;
}

/**
 * Firefox offers automation no way into an add-on's content-script sandbox; `tabs.executeScript`
 * from one of its pages runs code in exactly that sandbox, with a content script's rights.
 */
async function inFirefoxContentScript(openExtensionPage: (file: string) => Promise<PuppeteerPage>, url: string, expression: string): Promise<unknown> {
  const page = await openExtensionPage('options.html');
  try {
    return await page.evaluate(
      async (url, expression, uuid) => {
        type Tabs = { query(q: object): Promise<Array<{ id?: number }>>; executeScript(id: number, d: { code: string }): Promise<unknown[]> };
        const { tabs } = (globalThis as unknown as { browser: { tabs: Tabs } }).browser;
        // Without the `tabs` permission no tab shows its address: ask each one where it is.
        for (const tab of await tabs.query({})) {
          if (tab.id === undefined) continue;
          const [here] = await tabs.executeScript(tab.id, { code: 'location.href' }).catch(() => [undefined]);
          if (here === url) return (await tabs.executeScript(tab.id, { code: expression }))[0];
        }
        throw new Error(`no tab of moz-extension://${uuid} can reach ${url}`);
      },
      url,
      expression,
      FIREFOX_EXTENSION_UUID,
    );
  } finally {
    await page.close();
  }
}
