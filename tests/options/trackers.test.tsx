// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TrackerSwitches } from '@/components/options/TrackerSwitches';
import { TRACKER_IDS, trackerName } from '@/components/options/trackers';
import { SITES } from '@/lib/integrations/catalog';
import { settings } from '@/lib/storage/settings';
import { byLabel, click, mount, notices, until, useOptionsTestBrowser } from './harness';

describe('tracker switches', () => {
  useOptionsTestBrowser();

  it('lists every tracker: those installed with their hosts on by default, those with optional hosts off', async () => {
    const page = mount(<TrackerSwitches />);
    const gitlab = await until(() => {
      const field = byLabel(page, 'GitLab');
      expect(field.disabled).toBe(false);
      return field;
    });
    expect(gitlab.getAttribute('role')).toBe('switch');
    expect(gitlab.checked).toBe(true);
    expect(TRACKER_IDS).toEqual(SITES.map((site) => site.id));
    for (const site of SITES) expect(byLabel(page, trackerName(site.id)).checked).toBe(!site.optionalHosts);
    // The attribute contract is named for what it is.
    expect(byLabel(page, 'Other web app (data-timecamp attributes)').checked).toBe(true);
  });

  it('turning one off and on again writes disabledIntegrations, and says so', async () => {
    const page = mount(<TrackerSwitches />);
    const jira = await until(() => {
      const field = byLabel(page, 'Jira');
      expect(field.disabled).toBe(false);
      return field;
    });

    click(jira);
    await until(async () => expect((await settings.getValue()).disabledIntegrations).toEqual(['jira']));
    await until(() => expect(notices(page)).toContain('Jira turned off.'));
    expect(jira.checked).toBe(false);

    click(byLabel(page, 'GitHub'));
    await until(async () => expect((await settings.getValue()).disabledIntegrations).toEqual(['jira', 'github']));

    click(jira);
    await until(async () => expect((await settings.getValue()).disabledIntegrations).toEqual(['github']));
    await until(() => expect(notices(page)).toContain('Jira turned on.'));
  });

  it('keeps the other settings as they were', async () => {
    await settings.setValue({ ...(await settings.getValue()), noteTemplate: '{title}', idleMinutes: 30 });
    const page = mount(<TrackerSwitches />);
    await until(() => expect(byLabel(page, 'Linear').disabled).toBe(false));

    click(byLabel(page, 'Linear'));
    await until(async () => expect((await settings.getValue()).disabledIntegrations).toEqual(['linear']));
    expect(await settings.getValue()).toMatchObject({ noteTemplate: '{title}', idleMinutes: 30 });
  });

  it('says, under the work-management apps, that the switches of those one can also run oneself are for their cloud', async () => {
    const page = mount(<TrackerSwitches />);
    await until(() => expect(byLabel(page, 'Plane').disabled).toBe(false));
    const work = page.querySelector('[aria-labelledby="family-work"]')!.parentElement!;
    expect(work.querySelector('p.hint')?.textContent).toBe(
      'The switches of Plane, OpenProject, Odoo, and Taiga are for their cloud. For a server of your own, add its domain under Self-hosted domains.',
    );
    // The other families have no such trackers, and say nothing of it.
    expect(page.querySelector('[aria-labelledby="family-code"]')!.parentElement!.querySelector('p.hint')).toBeNull();
  });

  it('says, under help desks, CRMs, mail and documents, that their notes hold a subject or title only', async () => {
    const page = mount(<TrackerSwitches />);
    await until(() => expect(byLabel(page, 'Gmail').disabled).toBe(false));
    const note = (family: string) => [...page.querySelector(`[aria-labelledby="family-${family}"]`)!.parentElement!.querySelectorAll('p.hint')].map((hint) => hint.textContent);
    const privacy = 'For these, the note holds the subject or title only: never the text of a mail, ticket or document, and never an address.';
    expect(note('support')).toContain(privacy);
    expect(note('office')).toEqual([privacy]);
    expect(note('code')).toEqual([]);
  });
});
