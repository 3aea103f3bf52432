import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';
import { signInThroughOptions } from './helpers/sign-in';

// Answers cross the page, the service worker and the sandbox; give them time on a slow machine.
const POLL = { timeout: 10_000 };

describe('the day view', () => {
  let sandbox: Sandbox;
  let extension: LaunchedExtension;
  let page: Page;
  let date: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    extension = await launchExtension();
    const options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor();
    await options.close();
    // The last whole working day of the demo week, with its entries, attendance, lunch break and the
    // activity behind them: the earliest day the demo user has activity on (the other, if any, is today).
    date = [...new Set(sandbox.state.activities.filter((activity) => activity.user_id === sandbox.demo.userId).map((activity) => activity.end_time.slice(0, 10)))].sort()[0]!;
    page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/day.html#${date}`);
  });
  afterAll(async () => {
    await extension?.close();
    await sandbox?.close();
  });

  it('shows the day in lanes, in light and dark', async () => {
    const entries = page.getByRole('group', { name: 'Entries' });
    await entries.getByRole('button').first().waitFor(POLL);
    expect(await page.getByRole('group', { name: 'Attendance' }).getByRole('img').count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Away' }).getByRole('img', { name: /^Away: Lunch, 12:30–13:00/ }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Activity' }).getByRole('button').count()).toBe(1);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `day-view-${colorScheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('turns part of the lunch gap, dragged across, into an entry on a task picked', async () => {
    const gap = page.getByRole('button', { name: /^Untracked, 12:30–13:00/ });
    const box = (await gap.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.85, y, { steps: 4 });
    await page.mouse.up();

    const form = page.getByRole('form', { name: /^New entry, / });
    await form.waitFor(POLL);
    const [, start, end] = /^New entry, (\d{2}:\d{2})–(\d{2}:\d{2})/.exec((await form.getByRole('heading').textContent())!)!;
    expect(start! > '12:30' && end! < '13:00' && start! < end!).toBe(true);

    const task = form.getByRole('combobox', { name: 'Task' });
    await task.fill('meetings');
    await form.getByRole('option').filter({ hasText: /^Meetings/ }).filter({ hasText: 'Internal' }).first().click();
    await form.getByRole('button', { name: 'Add', exact: true }).click();

    await expect
      .poll(
        () => [...sandbox.state.entries.values()].filter((entry) => entry.date === date && entry.start_time === `${start}:00`).map((entry) => [entry.end_time, entry.task_id]),
        POLL,
      )
      .toEqual([[`${end}:00`, sandbox.demo.tasks.internalMeetings]]);
    await page.getByRole('status').filter({ hasText: 'Entry added.' }).waitFor(POLL);
  });
});
