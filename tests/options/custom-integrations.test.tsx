// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CustomIntegrations } from '@/components/options/CustomIntegrations';
import { customIntegrations } from '@/lib/storage/domains';
import { button, buttons, byLabel, choose, click, descriptionOf, mount, notices, stubPermissions, type, until, useOptionsTestBrowser } from './harness';

function fill(page: HTMLElement, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) type(byLabel(page, label), value);
}

const VALID = {
  Name: 'Help desk',
  'Host name': 'desk.example.test',
  'Issue pages (regular expression)': '^/tickets/\\d+',
  'Button next to (CSS selector)': 'h1.ticket-title',
  'Issue title (CSS selector)': 'h1.ticket-title .text',
  'Issue key (CSS selector, optional)': '',
};

describe('custom integrations', () => {
  useOptionsTestBrowser();

  it('stores a valid one after access to its host is granted', async () => {
    const permissions = stubPermissions(true);
    const page = mount(<CustomIntegrations />);
    fill(page, VALID);
    choose(byLabel<HTMLSelectElement>(page, 'Button position'), 'inside');
    click(button(page, 'Add integration'));
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['*://desk.example.test/*'] });

    await until(async () => expect(await customIntegrations.getValue()).toHaveLength(1));
    const [stored] = await customIntegrations.getValue();
    expect(stored).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}$/),
      name: 'Help desk',
      domain: 'desk.example.test',
      pathPattern: '^/tickets/\\d+',
      anchor: 'h1.ticket-title',
      position: 'inside',
      title: 'h1.ticket-title .text',
      key: '',
    });
    await until(() => expect(notices(page)).toContain('Help desk added for desk.example.test.'));
    expect(byLabel(page, 'Name').value).toBe('');
  });

  it('explains an invalid pattern and selectors next to their fields, and stores nothing', async () => {
    const permissions = stubPermissions(true);
    const page = mount(<CustomIntegrations />);
    fill(page, {
      ...VALID,
      'Issue pages (regular expression)': '^/tickets/(\\d+',
      'Button next to (CSS selector)': 'h1[',
      'Issue key (CSS selector, optional)': '>>>',
    });
    click(button(page, 'Add integration'));

    const pattern = byLabel(page, 'Issue pages (regular expression)');
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(pattern)).toMatch(/not a regular expression/);
    const anchor = byLabel(page, 'Button next to (CSS selector)');
    expect(anchor.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(anchor)).toMatch(/not a CSS selector/);
    expect(descriptionOf(byLabel(page, 'Issue key (CSS selector, optional)'))).toMatch(/not a CSS selector/);
    expect(byLabel(page, 'Issue title (CSS selector)').getAttribute('aria-invalid')).toBe('false');
    // The first field to fix has the focus, so its explanation is read out.
    expect(document.activeElement).toBe(pattern);

    expect(permissions.request).not.toHaveBeenCalled();
    expect(await customIntegrations.getValue()).toEqual([]);
  });

  it('requires a name, a host, a pattern, an anchor and a title', async () => {
    const permissions = stubPermissions(true);
    const page = mount(<CustomIntegrations />);
    click(button(page, 'Add integration'));

    for (const label of ['Name', 'Host name', 'Issue pages (regular expression)', 'Button next to (CSS selector)', 'Issue title (CSS selector)']) {
      const field = byLabel(page, label);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(descriptionOf(field)).toMatch(/Enter/);
    }
    expect(document.activeElement).toBe(byLabel(page, 'Name'));
    expect(byLabel(page, 'Issue key (CSS selector, optional)').getAttribute('aria-invalid')).toBe('false');
    expect(permissions.request).not.toHaveBeenCalled();
  });

  it('takes a pasted address as its host, and words a bad host itself', async () => {
    const permissions = stubPermissions(true);
    const page = mount(<CustomIntegrations />);
    fill(page, { ...VALID, 'Host name': 'ftp://desk.example.test' });
    click(button(page, 'Add integration'));
    expect(descriptionOf(byLabel(page, 'Host name'))).toContain('Only http and https addresses can be added.');
    expect(permissions.request).not.toHaveBeenCalled();

    type(byLabel(page, 'Host name'), 'https://Desk.Example.test:8443/tickets/12');
    click(button(page, 'Add integration'));
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://desk.example.test:8443/*', 'http://desk.example.test:8443/*'] });
    await until(async () => expect((await customIntegrations.getValue())[0]?.domain).toBe('desk.example.test:8443'));
  });

  it('stores nothing when access is refused', async () => {
    stubPermissions(false);
    const page = mount(<CustomIntegrations />);
    fill(page, VALID);
    click(button(page, 'Add integration'));

    await until(() => expect(page.textContent).toContain('Access to desk.example.test was not allowed, so nothing was added.'));
    expect(await customIntegrations.getValue()).toEqual([]);
    expect(byLabel(page, 'Name').value).toBe('Help desk');
  });

  it('Remove forgets it and gives the host back', async () => {
    await customIntegrations.setValue([
      { id: 'custom-1', name: 'Desk', domain: 'desk.example.test', pathPattern: '^/t/', anchor: 'h1', position: 'after', title: 'h1', key: '' },
    ]);
    const permissions = stubPermissions(true);
    const page = mount(<CustomIntegrations />);
    await until(() => expect(buttons(page, 'Remove')).toHaveLength(1));

    click(button(page, 'Remove'));
    await until(async () => expect(await customIntegrations.getValue()).toEqual([]));
    await until(() => expect(permissions.remove).toHaveBeenCalledWith({ origins: ['*://desk.example.test/*'] }));
  });
});
