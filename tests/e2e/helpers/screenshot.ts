import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS_DIR } from './paths';

/** A Playwright or Puppeteer page: both take `{ path, fullPage }`. */
interface Screenshottable {
  screenshot(options: { path: `${string}.png`; fullPage: boolean }): Promise<unknown>;
}

/** Saves a full-page PNG as `<dir>/<name>.png` (`test-results/e2e/` by default) and returns its path. */
export async function screenshot(page: Screenshottable, name: string, dir = SCREENSHOTS_DIR): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name ${JSON.stringify(name)}: use letters, digits, - _ .`);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
