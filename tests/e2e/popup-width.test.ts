import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_TIME_ZONE, startSandbox, type Sandbox } from '../sandbox';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';
import { signInThroughOptions } from './helpers/sign-in';

// Chrome sizes the popup to its content, at most 600 px tall. A day taller than that gets a
// vertical scrollbar inside that width; the content must make room for it rather than run under
// it and bring a horizontal scrollbar. Here the popup is shorter (400 px) to need scrolling on
// any seeded day, and Chromium draws scrollbars that take room, as on a desktop.
const SHORT_POPUP = { width: 360, height: 400 };

describe('the popup at its width', () => {
  let sandbox: Sandbox;
  let extension: LaunchedExtension;

  beforeAll(async () => {
    // A full day to list, whatever the hour (see popup-entries.test.ts).
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: SANDBOX_TIME_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(Date.now()));
    const ahead = Math.max(0, 13 - hour) * 3_600_000;
    sandbox = await startSandbox({ now: () => Date.now() + ahead });
    extension = await launchExtension({ scrollbars: true });
    const options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor();
    await options.close();
  });
  afterAll(async () => {
    await extension?.close();
    await sandbox?.close();
  });

  it('scrolls the day up and down only, with no horizontal scrollbar', async () => {
    const popup = await extension.openPopup();
    await popup.setViewportSize(SHORT_POPUP);
    await popup.getByRole('list', { name: "Today's entries" }).getByRole('listitem').first().waitFor();
    const page = () => popup.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, scrollHeight: document.documentElement.scrollHeight, clientHeight: document.documentElement.clientHeight }));
    const sizes = await page();
    // It does scroll, and the scrollbar takes room: the case users met.
    expect(sizes.scrollHeight).toBeGreaterThan(sizes.clientHeight);
    expect(sizes.clientWidth).toBeLessThan(SHORT_POPUP.width);
    expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
    await screenshot(popup, 'popup-width-no-horizontal-scrollbar');
    await popup.close();
  });
});
