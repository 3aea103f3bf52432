// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TrackerSwitches } from '@/components/options/TrackerSwitches';
import { TRACKER_IDS, trackerName } from '@/components/options/trackers';
import { SITES } from '@/lib/integrations/catalog';
import { settings } from '@/lib/storage/settings';
import { byLabel, click, descriptionOf, mount, notices, until, useOptionsTestBrowser } from './harness';

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

  it('says, under a tracker with a cloud that people also run themselves, that its switch is for the cloud', async () => {
    const page = mount(<TrackerSwitches />);
    const plane = await until(() => {
      const field = byLabel(page, 'Plane');
      expect(field.disabled).toBe(false);
      return field;
    });
    expect(descriptionOf(plane)).toBe("The switch is for Plane's cloud. For a server of your own, add its domain under Self-hosted domains.");
    // Neither a tracker only in the cloud nor one only self-hosted says so.
    expect(descriptionOf(byLabel(page, 'ClickUp'))).toBe('');
    expect(descriptionOf(byLabel(page, 'Redmine'))).toBe('');
  });
});
