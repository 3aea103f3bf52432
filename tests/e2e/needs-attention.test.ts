import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { sendRawMessage } from './helpers/extension-messages';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { POPUP_VIEWPORT } from './helpers/popup';
import { screenshot } from './helpers/screenshot';
import { signInThroughOptions } from './helpers/sign-in';

// Answers cross the page, the service worker and the sandbox; give them time on a slow machine.
const POLL = { timeout: 10_000 };
const REFUSAL = 'You cannot track time to this task';

describe('a change TimeCamp refuses', () => {
  let sandbox: Sandbox;
  let extension: LaunchedExtension;
  let popup: Page;

  beforeAll(async () => {
    sandbox = await startSandbox();
    extension = await launchExtension();
    const options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor();
    await options.close();
    popup = await extension.openPopup();
    await popup.setViewportSize(POPUP_VIEWPORT);
  });
  afterAll(async () => {
    await extension?.close();
    await sandbox?.close();
  });

  const taskId = () => sandbox.demo.tasks.notTrackableLeaf;
  const refusedStarts = () => sandbox.requests.filter((request) => request.resource === 'timer' && request.status === 403).length;
  const heldItem = () =>
    popup
      .getByRole('list', { name: 'Needs attention' })
      .getByRole('listitem')
      .filter({ hasText: `Start timer on ${sandbox.state.tasks.get(taskId())!.name}` });

  it('waits in the popup as needing attention, saying what, when and why, with Retry and Discard', async () => {
    await popup.getByRole('button', { name: 'Start timer' }).waitFor(POLL);
    // The picker offers only tasks one may track to; a tracker's button sends this for an issue linked to such a task.
    expect(await sendRawMessage(popup, 'startTimer', { taskId: taskId() })).toEqual({ res: undefined });

    const item = heldItem();
    await item.waitFor(POLL);
    expect(await item.textContent()).toContain(REFUSAL);
    expect(await item.locator('time').textContent()).toMatch(/^\d{2}:\d{2}$/);
    expect(await item.getByRole('button', { name: 'Retry' }).isEnabled()).toBe(true);
    expect(await item.getByRole('button', { name: 'Discard' }).isEnabled()).toBe(true);
    // The list says it; a banner does not say it again.
    expect(await popup.getByText('TimeCamp refused a change.').count()).toBe(0);
    // Long names and messages wrap inside the popup's width.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

    await screenshot(popup, 'popup-needs-attention');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await screenshot(popup, 'popup-needs-attention-dark');
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('Retry sends it again; refused again, it stays', async () => {
    const refusedBefore = refusedStarts();

    await heldItem().getByRole('button', { name: 'Retry' }).click();

    await expect.poll(refusedStarts, POLL).toBe(refusedBefore + 1);
    await expect.poll(() => heldItem().getByRole('button', { name: 'Retry' }).isEnabled(), POLL).toBe(true);
    expect(await heldItem().textContent()).toContain(REFUSAL);
  });

  it('Discard gives it up: the list goes, and no timer runs here or on TimeCamp', async () => {
    await heldItem().getByRole('button', { name: 'Discard' }).click();

    await popup.getByRole('list', { name: 'Needs attention' }).waitFor({ state: 'detached', ...POLL });
    await popup.getByRole('button', { name: 'Start timer' }).waitFor(POLL);
    expect(await popup.getByRole('timer').count()).toBe(0);
    expect(sandbox.state.timers.get(sandbox.demo.userId)).toBeUndefined();
  });
});
