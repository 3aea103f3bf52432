// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Options } from '@/components/Options';
import { account } from '@/lib/storage/account';
import { ACCOUNT, buttons, byLabel, mount, until, useOptionsTestBrowser } from './harness';

/** Every label text of every element, as lookups by label see them: aria-labelledby, aria-label, then <label>s. */
function labelTexts(root: HTMLElement): string[] {
  return [...root.querySelectorAll('*')].flatMap((element) => {
    const by = element.getAttribute('aria-labelledby');
    if (by) return by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    const label = element.getAttribute('aria-label');
    if (label) return [label];
    return [...((element as HTMLInputElement).labels ?? [])].map((forIt) => forIt.textContent ?? '');
  });
}

describe('the options page', () => {
  useOptionsTestBrowser();

  it('has a heading per section', async () => {
    const page = mount(<Options />);
    await until(() => expect(page.querySelector('h1')?.textContent).toBe('TimeCamp settings'));
    expect([...page.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual(['Account', 'Trackers', 'Tracking', 'Browser activity']);
    expect([...page.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual([
      'Code hosting',
      'Issue trackers',
      'Work management',
      'Help desks and CRM',
      'Mail, calendar and documents',
      'Your own web app',
      'Self-hosted domains',
      'Custom integrations',
      'Integrations on your open tabs',
      'The Start timer button',
      'Tasks for issues',
      'Notes',
      'Idle time',
      'Reminders',
      'Display',
      'Waiting to be sent',
    ]);
    // The four parts are named regions, by their headings.
    const regions = [...page.querySelectorAll('section[aria-labelledby]')];
    expect(regions.map((region) => document.getElementById(region.getAttribute('aria-labelledby')!)?.textContent)).toEqual(['Account', 'Trackers', 'Tracking', 'Browser activity']);
  });

  // Assistive technology and the end-to-end tests both rely on these names meaning one thing each.
  it('at rest, has one Save button, one status (who is signed in) and no alert', async () => {
    await account.setValue(ACCOUNT);
    const page = mount(<Options />);
    await until(() => expect(page.querySelector('[role=status]')?.textContent).toContain('Ada Lovelace'));

    expect(buttons(page, 'Save')).toHaveLength(1);
    expect(page.querySelectorAll('[role=status]')).toHaveLength(1);
    expect(page.querySelectorAll('[role=alert]')).toHaveLength(0);
    expect(byLabel(page, 'API token')).toBeInstanceOf(HTMLElement);
    expect(byLabel(page, 'Server URL')).toBeInstanceOf(HTMLElement);
    expect(byLabel(page, 'Domain')).toBeInstanceOf(HTMLElement);
    expect(byLabel<HTMLSelectElement>(page, 'Integration').tagName).toBe('SELECT');
    // Nothing else is labelled with these words: a lookup by label text (a substring, in some tools) finds one field.
    const labels = labelTexts(page);
    expect(labels.filter((label) => /domain/i.test(label))).toEqual(['Domain']);
    expect(labels.filter((label) => /integration/i.test(label))).toEqual(['Integration']);
    expect(labels.filter((label) => /api token|server url/i.test(label))).toEqual(['API token', 'Server URL']);
  });
});
