import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRawMessage } from './helpers/extension-messages';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { E2E_BUILD_DIR } from './helpers/paths';

describe('background service worker', () => {
  let extension: LaunchedExtension;
  let extensionPage: Page;

  beforeAll(async () => {
    extension = await launchExtension();
    extensionPage = await extension.openPopup();
  });
  afterAll(() => extension?.close());

  it('starts and answers ping with the manifest version', async () => {
    const { version } = JSON.parse(await readFile(join(E2E_BUILD_DIR, 'manifest.json'), 'utf8')) as { version: string };

    expect(extension.serviceWorker.url()).toBe(`chrome-extension://${extension.extensionId}/background.js`);
    expect(await sendRawMessage(extensionPage, 'ping')).toEqual({ res: { version } });
  });

  it('refuses a malformed page report with a readable error', async () => {
    const answer = await sendRawMessage(extensionPage, 'reportPage', { integration: 'github', url: 'javascript:alert(1)' });

    expect(answer).toEqual({
      err: expect.objectContaining({
        name: 'MessageRefusedError',
        message: 'reportPage: invalid payload: url: must be an http(s) URL',
      }),
    });
  });
});
