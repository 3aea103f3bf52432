// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ActivitySection } from '@/components/options/ActivitySection';
import type { ActivityStatus } from '@/lib/activity/service';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { button, byLabel, click, descriptionOf, mount, notices, type, until, useOptionsTestBrowser } from '../options/harness';

function permissions(granted: boolean) {
  return {
    request: vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(granted),
    remove: vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true),
  };
}

async function enabled(page: HTMLElement, label: string) {
  return until(() => {
    const field = byLabel(page, label);
    expect(field.disabled).toBe(false);
    return field;
  });
}

describe('the browser activity section', () => {
  const background = useOptionsTestBrowser();

  it('says what is recorded and sent, with an example, and is off by default', async () => {
    background.answer('activityStatus', () => ({ spans: 0, seconds: 0, oldestDay: null }));
    const page = mount(<ActivitySection />);
    const toggle = await enabled(page, 'Record browser activity');
    expect(toggle.checked).toBe(false);
    expect(page.textContent).toContain('its domain (such as github.com)');
    expect(page.textContent).toContain("For example: github.com, 09:12–09:40, on task 'Website'.");
    expect(page.textContent).toContain('No browser activity is waiting to be sent.');
    expect(byLabel<HTMLTextAreaElement>(page, 'Never record these sites').value).toContain('mail.google.com');
  });

  it('asks for the tabs permission when switched on, and gives it back when switched off', async () => {
    const asked = permissions(true);
    const page = mount(<ActivitySection />);
    click(await enabled(page, 'Record browser activity'));
    await until(async () => expect((await settings.getValue()).activity.enabled).toBe(true));
    expect(asked.request).toHaveBeenCalledWith({ permissions: ['tabs'] });
    await until(() => expect(notices(page)).toContain('Browser activity on.'));

    click(byLabel(page, 'Record browser activity'));
    await until(async () => expect((await settings.getValue()).activity.enabled).toBe(false));
    await until(() => expect(asked.remove).toHaveBeenCalledWith({ permissions: ['tabs'] }));
  });

  it('stays off with a clear message when the browser refuses the permission', async () => {
    permissions(false);
    const page = mount(<ActivitySection />);
    const toggle = await enabled(page, 'Record browser activity');
    click(toggle);
    await until(() => expect(page.querySelector('[role="alert"]')?.textContent).toContain('browser activity stays off'));
    expect((await settings.getValue()).activity.enabled).toBe(false);
    expect(toggle.checked).toBe(false);
  });

  it('refuses a bad line of the exclude list, naming it, and keeps what was typed', async () => {
    const page = mount(<ActivitySection />);
    const list = await enabled(page, 'Never record these sites');
    type(list as unknown as HTMLInputElement, 'bank.example.com\nnot a domain');
    click(button(page, 'Save'));
    await until(() => expect(descriptionOf(list)).toContain('"not a domain"'));
    expect(list.value).toBe('bank.example.com\nnot a domain');
    expect((await settings.getValue()).activity.excluded).toEqual(DEFAULT_SETTINGS.activity.excluded);

    type(list as unknown as HTMLInputElement, 'https://bank.example.com/login\nintranet.example.org');
    click(button(page, 'Save'));
    await until(async () => expect((await settings.getValue()).activity.excluded).toEqual(['bank.example.com', 'intranet.example.org']));
  });

  it('shows what waits, and deletes it only after the user confirms', async () => {
    let waiting: ActivityStatus = { spans: 12, seconds: 35 * 60, oldestDay: '2026-11-27' };
    background.answer('activityStatus', () => waiting);
    background.answer('deleteWaitingActivity', () => {
      waiting = { spans: 0, seconds: 0, oldestDay: null };
    });
    const page = mount(<ActivitySection />);
    await until(() => expect(page.textContent).toContain('12 spans of time (35 min), the oldest from 2026-11-27.'));

    click(button(page, 'Delete what is waiting'));
    click(button(page, 'Keep it'));
    expect(background.of('deleteWaitingActivity')).toEqual([]);

    click(button(page, 'Delete what is waiting'));
    click(button(page, 'Delete'));
    await until(() => expect(background.of('deleteWaitingActivity')).toHaveLength(1));
    await until(() => expect(page.textContent).toContain('No browser activity is waiting to be sent.'));
  });
});
