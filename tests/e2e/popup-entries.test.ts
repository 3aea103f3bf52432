import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_TIME_ZONE, startSandbox, type Sandbox } from '../sandbox';
import { sendRawMessage } from './helpers/extension-messages';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { POPUP_VIEWPORT } from './helpers/popup';
import { screenshot } from './helpers/screenshot';
import { signInThroughOptions } from './helpers/sign-in';

// Answers cross the page, the service worker and the sandbox; give them time on a slow machine.
const POLL = { timeout: 10_000 };

describe("today's entries in the popup", () => {
  let sandbox: Sandbox;
  let extension: LaunchedExtension;
  let popup: Page;

  beforeAll(async () => {
    // The seeded day holds what has passed of it: late at night, a single block. The sandbox's
    // clock then runs at 13:00 of the same day, so the day has entries for the editor to overlap.
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: SANDBOX_TIME_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(Date.now()));
    const ahead = Math.max(0, 13 - hour) * 3_600_000;
    sandbox = await startSandbox({ now: () => Date.now() + ahead });
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

  const todays = () => popup.getByRole('list', { name: "Today's entries" });

  it('the editor keeps start, end and duration in step and warns of an overlap, without refusing to save', async () => {
    const first = todays().getByRole('listitem').first();
    await first.waitFor(POLL);
    await first.getByRole('button', { name: 'Edit' }).click();
    const editor = popup.getByRole('form', { name: 'Edit entry' });
    const start = await editor.getByLabel('Start').inputValue();

    // Ten hours from its start runs over whatever the seeded day holds next.
    await editor.getByLabel('Duration').fill('10:00');

    const [hours, minutes] = start.split(':').map(Number) as [number, number];
    expect(await editor.getByLabel('End').inputValue()).toBe(`${String(hours + 10).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);
    const warning = editor.getByRole('status').filter({ hasText: 'Overlaps' });
    await warning.waitFor(POLL);
    expect(await warning.textContent()).toMatch(/^Overlaps .+\. You can still save\.$/);
    expect(await editor.getByRole('button', { name: 'Save' }).isEnabled()).toBe(true);
    await screenshot(popup, 'popup-editor-overlap');

    await editor.getByRole('button', { name: 'Cancel' }).click();
  });

  it('lists a timer stopped while TimeCamp is unreachable, marked as waiting, until TimeCamp has it', async () => {
    await sandbox.faults.offline(true);
    expect(await sendRawMessage(popup, 'startTimer', { taskId: sandbox.demo.tasks.internalMeetings, note: 'Offline planning' })).toEqual({ res: undefined });
    await popup.getByRole('timer').waitFor(POLL);
    expect(await sendRawMessage(popup, 'stopTimer')).toEqual({ res: undefined });

    const waiting = todays().getByRole('listitem').filter({ hasText: 'Offline planning' });
    await waiting.waitFor(POLL);
    expect(await waiting.textContent()).toContain('Waiting to be sent');
    expect(await waiting.locator('.entry-range').textContent()).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2}$/);
    await screenshot(popup, 'popup-today-waiting');

    await sandbox.faults.offline(false);
    await sendRawMessage(popup, 'syncNow');
    await expect.poll(() => [...sandbox.state.entries.values()].filter((entry) => entry.description === 'Offline planning').length, POLL).toBe(1);
    await expect.poll(() => waiting.textContent(), POLL).not.toContain('Waiting to be sent');
  });
});
