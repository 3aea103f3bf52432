// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CustomIntegrations } from '@/components/options/CustomIntegrations';
import type { CustomIntegrationTrial } from '@/lib/integrations/custom/try-on-page';
import { releaseDomainAccess, releaseUnusedHostAccess } from '@/lib/options/host-access';
import { account } from '@/lib/storage/account';
import { customIntegrations, selfHostedDomains, type CustomIntegration } from '@/lib/storage/domains';
import { ACCOUNT, button, byLabel, click, mount, stubPermissions, type, until, useOptionsTestBrowser } from './harness';

// Access granted is access used: what nothing stored needs any more is given back, and nothing
// that a listed domain, a custom integration or the signed-in server still needs.

const DESK: CustomIntegration = { id: 'desk', name: 'Desk', domain: 'desk.example.test', pathPattern: '^/tickets/', anchor: '.tools', position: 'after', title: 'h1', key: '' };

const TRIAL: CustomIntegrationTrial = { errors: {}, onDomain: true, pathMatches: true, anchors: 1, issue: null };

/** One open tab of the host whose custom script answers the test. */
function stubTab() {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9, url: 'https://desk.example.test/tickets/981', lastAccessed: 1 }] as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_tab: number, _message: unknown, _options: unknown, reply: (answer: unknown) => void) =>
    queueMicrotask(() => reply({ res: TRIAL }))) as never);
}

function fillForm(page: HTMLElement) {
  const fields = {
    Name: 'Help desk',
    'Host name': 'desk.example.test',
    'Issue pages (regular expression)': '^/tickets/\\d+',
    'Button next to (CSS selector)': '.tools',
    'Issue title (CSS selector)': 'h1',
  };
  for (const [label, value] of Object.entries(fields)) type(byLabel(page, label), value);
}

describe('Test on current tab', () => {
  useOptionsTestBrowser();

  it('gives back the host of an integration that was never saved once the test is over', async () => {
    const permissions = stubPermissions(true);
    stubTab();
    const page = mount(<CustomIntegrations />);
    fillForm(page);
    click(button(page.querySelector('form.custom-form')!, 'Test on current tab'));

    expect(permissions.request).toHaveBeenCalledWith({ origins: ['*://desk.example.test/*'] });
    await until(() => expect(page.querySelector('#custom-test-result')?.textContent).toContain('Tested on https://desk.example.test/tickets/981'));
    await until(() => expect(permissions.remove).toHaveBeenCalledWith({ origins: ['*://desk.example.test/*'] }));
    expect([...permissions.origins]).toEqual([]);
    expect(await customIntegrations.getValue()).toEqual([]);
  });

  it('keeps the host of a saved integration tested from its row', async () => {
    await customIntegrations.setValue([DESK]);
    const permissions = stubPermissions(true, ['*://desk.example.test/*']);
    stubTab();
    const page = mount(<CustomIntegrations />);
    await until(() => expect(page.querySelector('li')).not.toBeNull());
    click(button(page.querySelector('li')!, 'Test on current tab'));

    await until(() => expect(page.querySelector('#custom-list-test')?.textContent).toContain('Tested on'));
    expect(permissions.remove).not.toHaveBeenCalled();
    expect([...permissions.origins]).toEqual(['*://desk.example.test/*']);
  });
});

describe('giving access back', () => {
  useOptionsTestBrowser();

  it('at browser start, gives back what nothing uses and keeps what the lists, the server and the manifest need', async () => {
    await selfHostedDomains.setValue([
      { domain: 'gitlab.example.com', integration: 'gitlab' },
      { domain: 'redmine.example.org:8443', integration: 'redmine' },
    ]);
    await customIntegrations.setValue([DESK]);
    await account.setValue({ ...ACCOUNT, baseUrl: 'https://tc.example.com/third_party/api' });
    const permissions = stubPermissions(true, [
      'https://app.timecamp.com/*',
      'https://github.com/*',
      '*://gitlab.example.com/*',
      '*://redmine.example.org:8443/*',
      '*://desk.example.test/*',
      'https://tc.example.com/*',
      // Asked for by a test on a tab whose page closed first, and by an earlier server.
      '*://tickets.example.net/*',
      'https://old-tc.example.com/*',
      // Another port of a listed host, and another host's port.
      '*://redmine.example.org:9000/*',
      '*://other.example.org:8443/*',
    ]);

    const released = await releaseUnusedHostAccess();

    expect(released.sort()).toEqual(['*://other.example.org:8443/*', '*://redmine.example.org:9000/*', '*://tickets.example.net/*', 'https://old-tc.example.com/*']);
    expect([...permissions.origins]).toEqual([
      'https://app.timecamp.com/*',
      'https://github.com/*',
      '*://gitlab.example.com/*',
      '*://redmine.example.org:8443/*',
      '*://desk.example.test/*',
      'https://tc.example.com/*',
    ]);
  });

  it('keeps a host another entry on it still needs, whatever its port or scheme', async () => {
    await selfHostedDomains.setValue([{ domain: 'tracker.example.com:8080', integration: 'redmine' }]);
    await account.setValue({ ...ACCOUNT, baseUrl: 'https://tc.example.com/third_party/api' });
    const permissions = stubPermissions(true, ['*://tracker.example.com/*', '*://tc.example.com/*']);

    expect(await releaseDomainAccess('tracker.example.com')).toEqual([]);
    expect(await releaseDomainAccess('tc.example.com')).toEqual([]);
    expect(permissions.remove).not.toHaveBeenCalled();
  });

  it('gives back nothing when it cannot tell what is in use', async () => {
    const permissions = stubPermissions(true, ['*://stale.example.com/*']);
    vi.spyOn(selfHostedDomains, 'getValue').mockRejectedValue(new Error('storage is gone'));

    expect(await releaseUnusedHostAccess()).toEqual([]);
    expect(permissions.remove).not.toHaveBeenCalled();
  });
});
