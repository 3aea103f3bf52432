import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { BrowserNotFoundError, findChromium } from '../../../scripts/ensure-browsers';
import { hostResolverRules } from './host-resolver-rules';
import { E2E_BUILD_DIR } from './paths';
import { SANDBOX_TIME_ZONE } from '../../sandbox';

export interface LaunchOptions {
  /** Host name -> port on 127.0.0.1, e.g. `{ 'github.com': fixtures.port }`. Every other name fails to resolve. */
  hostMap?: Record<string, number>;
  /** An unpacked build to load; the e2e build by default. */
  extensionDir?: string;
  /** A visible window, for `npm run demo` on a machine with a display. */
  headless?: boolean;
  /** The browser's UI language, e.g. `pl`: the extension's catalogue and `Intl` follow it. English by default. */
  language?: string;
  /** Draw scrollbars that take room, as on a desktop (headless Chromium hides them by default). */
  scrollbars?: boolean;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The toolbar popup, opened as a tab (automation cannot click the toolbar). */
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

const SERVICE_WORKER_TIMEOUT_MS = 15_000;

/** Chromium with the extension loaded in a fresh profile, its service worker running. */
export async function launchExtension({ hostMap, extensionDir = E2E_BUILD_DIR, headless = true, language = 'en', scrollbars = false }: LaunchOptions = {}): Promise<LaunchedExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:e2e\` (or drop E2E_SKIP_BUILD).`);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new BrowserNotFoundError('Chromium not found: run `npx tsx scripts/ensure-browsers.ts` or set CHROMIUM_PATH.');

  const profileDir = await mkdtemp(join(tmpdir(), 'timecamp-e2e-profile-'));
  const removeProfile = () => rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      viewport: headless ? { width: 1280, height: 800 } : null,
      ignoreHTTPSErrors: true,
      ignoreDefaultArgs: scrollbars ? ['--hide-scrollbars'] : undefined,
      locale: language,
      // On Linux, Chromium takes its UI language (and so the extension's) from the environment.
      // Its clock is in the sandbox account's zone, as a user's browser is in theirs: "today"
      // is one day on both sides, even around midnight.
      env: { ...process.env, LANGUAGE: language, LANG: `${language}.UTF-8`, TZ: SANDBOX_TIME_ZONE },
      args: [
        `--lang=${language}`,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        // CI containers run as root, where Chromium's sandbox cannot start.
        '--no-sandbox',
        '--disable-gpu',
        // Nothing but the test's own pages on the wire: no updates, sync or first-run traffic.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // The fixture server speaks TLS over TCP only; keep Chromium from trying HTTP/3 first.
        '--disable-quic',
        `--host-resolver-rules=${hostResolverRules(hostMap)}`,
      ],
    });
    // Playwright waits 30 s by default; a missing element should fail well inside the test's own timeout.
    context.setDefaultTimeout(10_000);
    const serviceWorker = await extensionServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    const launched = context;

    const openExtensionPage = async (file: string) => {
      const page = await launched.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    };

    return {
      context: launched,
      extensionId,
      serviceWorker,
      openPopup: () => openExtensionPage('popup.html'),
      openOptions: () => openExtensionPage('options.html'),
      close: async () => {
        await launched.close();
        await removeProfile();
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await removeProfile();
    throw error;
  }
}

async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: SERVICE_WORKER_TIMEOUT_MS });
  } catch {
    throw new Error(
      `The extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS / 1000} s. ` +
        'If CHROMIUM_PATH is branded Google Chrome (137+), it ignores --load-extension: use Chromium.',
    );
  }
}
