import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchTestBrowser, type TestBrowser } from './helpers/test-browser';

describe.each(BROWSERS)('extension pages in %s', (browserName) => {
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchTestBrowser(browserName);
  });
  afterAll(() => browser?.close());

  it('renders the popup', async () => {
    const popup = await browser.openPopup();

    await popup.waitForRole('heading', 'TimeCamp');
    expect(await popup.title()).toBe('TimeCamp');
    // Its styles are inside the page (modules/popup-inline-styles.ts): the browser applied them.
    expect(await popup.evaluate(() => getComputedStyle(document.querySelector('.popup')!).width, undefined)).toBe('360px');
    await popup.screenshot('popup');
  });

  it('renders the options page', async () => {
    const options = await browser.openOptions();

    await options.waitForRole('heading', 'TimeCamp settings');
    expect(await options.title()).toBe('TimeCamp settings');
    await options.screenshot('options');
  });
});
