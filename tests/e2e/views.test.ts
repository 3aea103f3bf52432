import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';

describe('extension pages', () => {
  let extension: LaunchedExtension;

  beforeAll(async () => {
    extension = await launchExtension();
  });
  afterAll(() => extension?.close());

  it('renders the popup', async () => {
    const popup = await extension.openPopup();

    await popup.getByRole('heading', { name: 'TimeCamp', exact: true }).waitFor();
    expect(await popup.title()).toBe('TimeCamp');
    await screenshot(popup, 'popup');
  });

  it('renders the options page', async () => {
    const options = await extension.openOptions();

    await options.getByRole('heading', { name: 'TimeCamp settings' }).waitFor();
    expect(await options.title()).toBe('TimeCamp settings');
    await screenshot(options, 'options');
  });
});
