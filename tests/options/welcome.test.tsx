// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Welcome } from '@/components/welcome/Welcome';
import { openFirstRunOnInstall } from '@/lib/options/first-run';
import { settings } from '@/lib/storage/settings';
import { trackersOn } from '@/lib/storage/trackers-on';
import { button, click, mount, stubPermissions, until, useOptionsTestBrowser } from './harness';
import { BOARDLY } from './optional-site';

vi.mock('@/lib/integrations/catalog', (real) => import('./optional-site').then((site) => site.catalogWithBoardly(real)));

/** The tick box of a tracker, by the name beside it. */
function tick(root: ParentNode, name: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label.tracker-choice')].find((element) => element.querySelector('span')?.textContent === name);
  if (!label) throw new Error(`no tracker named ${name}`);
  return label.querySelector('input')!;
}

const statusOf = (root: ParentNode) => root.querySelector('[role=status], [role=alert]')?.textContent ?? '';

describe('the first-run page', () => {
  useOptionsTestBrowser();
  afterEach(() => vi.restoreAllMocks());

  async function page() {
    const root = mount(<Welcome />);
    await until(() => expect(tick(root, 'GitHub').disabled).toBe(false));
    return root;
  }

  it('lists every tracker by family: those installed with their hosts ticked, the ones that ask for access not', async () => {
    stubPermissions(true);
    const root = await page();
    const families = [...root.querySelectorAll('fieldset')].map((set) => [set.querySelector('legend')?.textContent, [...set.querySelectorAll('label.tracker-choice > span:not(.hint)')].map((name) => name.textContent)]);
    expect(families.map(([family]) => family)).toEqual(['Code hosting', 'Issue trackers', 'Work management', 'Help desks and CRM', 'Mail, calendar and documents']);
    expect(families[2]![1]).toEqual(expect.arrayContaining(['Trello', 'Asana', 'Boardly']));
    expect(tick(root, 'GitHub').checked).toBe(true);
    expect(tick(root, 'Boardly').checked).toBe(false);
    expect(tick(root, 'Boardly').closest('label')?.textContent).toContain('asks for app.boardly.test, *.boardly.test');
  });

  it('switches on what was ticked with one request for all its hosts, and off what was unticked', async () => {
    const permissions = stubPermissions(true);
    const root = await page();
    click(tick(root, 'Boardly'));
    click(tick(root, 'Jira'));

    click(button(root, 'Save my choice'));

    await until(() => expect(statusOf(root)).toMatch(/^Saved: the Start timer button appears in \d+ apps \(in tabs already open, once reloaded\)\.$/));
    expect(permissions.request).toHaveBeenCalledTimes(1);
    expect(permissions.request).toHaveBeenCalledWith({ origins: BOARDLY.optionalHosts });
    expect(await trackersOn.getValue()).toEqual(['boardly']);
    expect((await settings.getValue()).disabledIntegrations).toEqual(['jira']);
  });

  it('changes nothing, and says so, when the browser’s prompt is declined', async () => {
    stubPermissions(false);
    const root = await page();
    click(tick(root, 'Boardly'));
    click(tick(root, 'Jira'));

    click(button(root, 'Save my choice'));

    await until(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('Nothing changed'));
    expect(await trackersOn.getValue()).toEqual([]);
    expect((await settings.getValue()).disabledIntegrations).toEqual([]);
  });

  it('asks for nothing when no app that needs access was ticked', async () => {
    const permissions = stubPermissions(true);
    const root = await page();
    click(tick(root, 'GitLab'));
    click(button(root, 'Save my choice'));
    await until(async () => expect((await settings.getValue()).disabledIntegrations).toEqual(['gitlab']));
    expect(permissions.request).not.toHaveBeenCalled();
  });
});

describe('opening the first-run page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('happens when the extension is installed, never on an update', async () => {
    fakeBrowser.reset();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openFirstRunOnInstall();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' } as never);
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/welcome.html') });
  });
});
