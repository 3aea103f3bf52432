import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';
import { signInThroughOptions } from './helpers/sign-in';

// Where clients are served: a past Google Calendar event becomes an entry with its own times, and
// a Gmail thread's timer is noted with its subject. Both trackers ask for their hosts when switched
// on; the e2e build has those hosts granted beforehand (wxt.config.ts). The browser runs in the
// sandbox account's zone (launch-extension.ts), so the event's 10:00 is the entry's 10:00.
const ROUTES = [
  { host: 'calendar.google.com', path: /^\/calendar\/u\/0\/r\/week\//, file: 'googlecalendar/event-popup.html' },
  { host: 'mail.google.com', path: /^\/mail\/u\/0\/$/, file: 'gmail/thread.html' },
];
const WEEK = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/23';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmZqRbVtNnLcGpHhTxSd';
const POLL = { timeout: 10_000 };

describe('calendar and mail, in Chromium', () => {
  let sandbox: Sandbox;
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;
  let options: Page;

  beforeAll(async () => {
    sandbox = await startSandbox();
    fixtures = await startFixtureServer(ROUTES);
    extension = await launchExtension({ hostMap: fixtures.hostMap });
    options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor();
    for (const name of ['Google Calendar', 'Gmail']) {
      const tracker = options.getByRole('switch', { name });
      await tracker.check({ timeout: POLL.timeout });
      await options.getByText(`${name} turned on.`, { exact: false }).waitFor();
    }
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
    await sandbox?.close();
  });

  const pickerFrame = async (page: Page) => {
    await expect.poll(() => page.frames().some((frame) => frame.url().split('#')[0]!.endsWith('/picker.html')), POLL).toBe(true);
    const frame = page.frames().find((candidate) => candidate.url().split('#')[0]!.endsWith('/picker.html'))!;
    await frame.getByRole('combobox', { name: 'Task' }).waitFor(POLL);
    return frame;
  };
  const seeded = () => new Set(sandbox.state.entries.keys());

  it('adds a past calendar event to TimeCamp with the event’s times, on the task picked', async () => {
    const before = seeded();
    const page = await extension.context.newPage();
    await page.goto(WEEK);
    const addEntry = page.getByRole('button', { name: 'Add as entry' });
    await addEntry.waitFor(POLL);
    await addEntry.click();
    const frame = await pickerFrame(page);
    expect(await frame.getByText(/^Event: /).textContent()).toMatch(/Nov 23, 2026.*10:00.*11:30/);
    await screenshot(page, 'calendar-add-as-entry');
    await frame.getByRole('combobox', { name: 'Task' }).fill('Authentication');
    await expect.poll(() => frame.getByRole('option').first().textContent(), POLL).toContain('Authentication');
    await page.keyboard.press('Enter');
    await frame.getByRole('button', { name: 'Add entry' }).click();

    const added = () => [...sandbox.state.entries.values()].filter((entry) => !before.has(entry.id));
    await expect.poll(added, POLL).toEqual([
      expect.objectContaining({ date: '2026-11-23', start_time: '10:00:00', end_time: '11:30:00', duration: 5400, description: 'Design review' }),
    ]);
    expect(sandbox.state.tasks.get(added()[0]!.task_id)?.name).toBe('Authentication');
    // Nothing started: an entry is not a timer.
    expect(sandbox.state.timers.get(sandbox.demo.userId)).toBeUndefined();
    await expect.poll(() => page.frames().length, POLL).toBe(1);
    await page.close();
  });

  it('starts a timer on a Gmail thread whose note is the subject, and nothing of the mail', async () => {
    const page = await extension.context.newPage();
    await page.goto(THREAD);
    await page.getByRole('button', { name: 'Start timer' }).click();
    const frame = await pickerFrame(page);
    expect(await frame.getByLabel('Note').inputValue()).toBe('Contract renewal for 2027');
    await frame.getByRole('combobox', { name: 'Task' }).fill('Authentication');
    await expect.poll(() => frame.getByRole('option').first().textContent(), POLL).toContain('Authentication');
    await page.keyboard.press('Enter');
    await frame.getByRole('button', { name: 'Start timer' }).click();
    const timer = () => sandbox.state.timers.get(sandbox.demo.userId);
    await expect.poll(() => sandbox.state.entries.get(timer()?.entry_id ?? -1)?.description, POLL).toBe('Contract renewal for 2027');
    await page.getByRole('button', { name: 'Stop timer' }).click();
    await expect.poll(timer, POLL).toBeUndefined();
    await page.close();
  });
});
