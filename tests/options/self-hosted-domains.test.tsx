// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SelfHostedDomains } from '@/components/options/SelfHostedDomains';
import { customIntegrations, selfHostedDomains } from '@/lib/storage/domains';
import { button, buttons, byLabel, choose, click, descriptionOf, mount, notices, stubPermissions, type, until, useOptionsTestBrowser } from './harness';

describe('self-hosted domains', () => {
  useOptionsTestBrowser();

  it('names every tracker one can run on one’s own server, as installed there', () => {
    const page = mount(<SelfHostedDomains />);
    const intro = page.querySelector('.hint')!.textContent!;
    const names = [...byLabel<HTMLSelectElement>(page, 'Integration').options].filter((option) => option.value && option.value !== 'attributes').map((option) => option.textContent!);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(intro).toContain(name);
    expect(intro).toMatch(/^Run GitHub Enterprise, GitLab, .+ or \S.* on your own domain\?/);
  });

  it('asks for the domain, at once in the click, and stores it only when granted', async () => {
    const permissions = stubPermissions(true);
    const page = mount(<SelfHostedDomains />);

    type(byLabel(page, 'Domain'), 'gitlab.example.test');
    choose(byLabel<HTMLSelectElement>(page, 'Integration'), 'gitlab');
    click(button(page, 'Add domain'));
    // Before anything was awaited: the prompt needs the click's user gesture.
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['*://gitlab.example.test/*'] });

    await until(async () => expect(await selfHostedDomains.getValue()).toEqual([{ domain: 'gitlab.example.test', integration: 'gitlab' }]));
    await until(() => expect(page.querySelector('.entry-list')?.textContent).toContain('gitlab.example.test'));
    expect(button(page, 'Remove')).toBeInstanceOf(HTMLElement);
    expect(notices(page)).toContain('gitlab.example.test added for GitLab.');
    expect(byLabel(page, 'Domain').value).toBe('');
  });

  it('keeps only the host and port of a pasted address, and asks for that port only', async () => {
    const permissions = stubPermissions(true);
    const page = mount(<SelfHostedDomains />);

    type(byLabel(page, 'Domain'), ' https://Redmine.Example.org:8443/issues/12?tab=history ');
    choose(byLabel<HTMLSelectElement>(page, 'Integration'), 'redmine');
    click(button(page, 'Add domain'));

    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://redmine.example.org:8443/*', 'http://redmine.example.org:8443/*'] });
    await until(async () => expect(await selfHostedDomains.getValue()).toEqual([{ domain: 'redmine.example.org:8443', integration: 'redmine' }]));
  });

  it('stores nothing when the user refuses access, and explains next to the field', async () => {
    stubPermissions(false);
    const page = mount(<SelfHostedDomains />);

    const field = byLabel(page, 'Domain');
    type(field, 'jira.example.test');
    choose(byLabel<HTMLSelectElement>(page, 'Integration'), 'jira');
    click(button(page, 'Add domain'));

    await until(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field)).toContain('Access to jira.example.test was not allowed, so nothing was added.');
    expect(await selfHostedDomains.getValue()).toEqual([]);
    expect(field.value).toBe('jira.example.test');
  });

  it.each([
    ['', 'Enter the domain'],
    ['not a domain', 'This is not a host name'],
    ['*.example.com', 'This is not a host name'],
    ['ftp://files.example.com', 'Only http and https'],
    ['gitlab.example.com:99999', 'The port must be a number'],
    ['admin@gitlab.example.com', 'Leave out the user name'],
  ])('refuses %j without asking for anything', async (typed, explanation) => {
    const permissions = stubPermissions(true);
    const page = mount(<SelfHostedDomains />);

    const field = byLabel(page, 'Domain');
    type(field, typed);
    click(button(page, 'Add domain'));

    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain(explanation);
    expect(permissions.request).not.toHaveBeenCalled();
    expect(await selfHostedDomains.getValue()).toEqual([]);

    // Typing again clears the complaint.
    type(field, 'gitlab.example.com');
    expect(field.getAttribute('aria-invalid')).toBe('false');
  });

  it('refuses a domain that is already listed', async () => {
    await selfHostedDomains.setValue([{ domain: 'gitlab.example.test', integration: 'gitlab' }]);
    const permissions = stubPermissions(true);
    const page = mount(<SelfHostedDomains />);
    await until(() => expect(buttons(page, 'Remove')).toHaveLength(1));

    const field = byLabel(page, 'Domain');
    type(field, 'https://GITLAB.example.test/group/app');
    choose(byLabel<HTMLSelectElement>(page, 'Integration'), 'gitea');
    click(button(page, 'Add domain'));

    expect(descriptionOf(field)).toContain('gitlab.example.test is already on the list (GitLab).');
    expect(permissions.request).not.toHaveBeenCalled();
    expect(await selfHostedDomains.getValue()).toHaveLength(1);
  });

  it('Remove forgets the domain and gives its access back', async () => {
    await selfHostedDomains.setValue([
      { domain: 'gitlab.example.test', integration: 'gitlab' },
      { domain: 'jira.example.test', integration: 'jira' },
    ]);
    const permissions = stubPermissions(true);
    const page = mount(<SelfHostedDomains />);
    await until(() => expect(buttons(page, 'Remove')).toHaveLength(2));

    const row = [...page.querySelectorAll('.entry-list li')].find((item) => item.textContent?.includes('gitlab.example.test'))!;
    click(button(row, 'Remove'));

    await until(async () => expect(await selfHostedDomains.getValue()).toEqual([{ domain: 'jira.example.test', integration: 'jira' }]));
    await until(() => expect(permissions.remove).toHaveBeenCalledWith({ origins: ['*://gitlab.example.test/*'] }));
    expect(notices(page)).toContain('gitlab.example.test removed.');
  });

  it('keeps the access while something else on that host still needs it', async () => {
    await selfHostedDomains.setValue([
      { domain: 'tracker.example.test', integration: 'gitlab' },
      { domain: 'tracker.example.test:8080', integration: 'redmine' },
    ]);
    await customIntegrations.setValue([
      { id: 'custom-1', name: 'Desk', domain: 'desk.example.test', pathPattern: '^/t/', anchor: 'h1', position: 'after', title: 'h1', key: '' },
    ]);
    // As Chrome keeps them: granted for the host first, nothing stored for its port 8080 (covered).
    const permissions = stubPermissions(true, ['*://tracker.example.test/*', '*://desk.example.test/*']);
    const page = mount(<SelfHostedDomains />);
    await until(() => expect(buttons(page, 'Remove')).toHaveLength(2));

    click(buttons(page, 'Remove')[0]!);
    await until(async () => expect(await selfHostedDomains.getValue()).toHaveLength(1));
    await until(() => expect(notices(page)).toContain('removed'));
    // The other port of the same host is still listed, and its access is the host's.
    expect(permissions.remove).not.toHaveBeenCalled();

    click(button(page, 'Remove'));
    await until(() => expect(permissions.remove).toHaveBeenCalledWith({ origins: ['*://tracker.example.test/*'] }));
    expect([...permissions.origins]).toEqual(['*://desk.example.test/*']);
  });

  it('offers the self-hostable trackers and the data-timecamp attributes', async () => {
    const page = mount(<SelfHostedDomains />);
    const select = byLabel<HTMLSelectElement>(page, 'Integration');
    const names = [...select.options].map((option) => option.textContent);
    expect(names).toEqual(expect.arrayContaining(['GitLab', 'Jira', 'Redmine', 'GitHub Enterprise', 'Other web app (data-timecamp attributes)']));
    // Trackers that only exist as a service have no domain to add.
    expect(names).not.toContain('Trello');
  });
});

describe('the integration of a self-hosted domain', () => {
  useOptionsTestBrowser();

  it.each([
    ['gitlab.mycompany.com', 'gitlab'],
    ['https://jira.mycompany.com/browse/PROJ-7', 'jira'],
    ['redmine.mycompany.com:8443', 'redmine'],
    ['youtrack.mycompany.com', 'youtrack'],
    ['forgejo.mycompany.com', 'gitea'],
    ['gitea.mycompany.com', 'gitea'],
    ['jira-prod.mycompany.com', 'jira'],
  ])('is guessed from %j', async (typed, integration) => {
    stubPermissions(true);
    const page = mount(<SelfHostedDomains />);

    type(byLabel(page, 'Domain'), typed);
    expect(byLabel<HTMLSelectElement>(page, 'Integration').value).toBe(integration);
    click(button(page, 'Add domain'));

    await until(async () => expect((await selfHostedDomains.getValue())[0]?.integration).toBe(integration));
  });

  it('is not chosen for the user when the domain says nothing: Add domain asks for it and asks the browser nothing', async () => {
    const permissions = stubPermissions(true);
    const page = mount(<SelfHostedDomains />);

    type(byLabel(page, 'Domain'), 'tickets.mycompany.com');
    const select = byLabel<HTMLSelectElement>(page, 'Integration');
    expect(select.value).toBe('');
    expect(select.selectedOptions[0]?.textContent).toBe('Choose…');
    click(button(page, 'Add domain'));

    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(select)).toContain('Choose in Integration which tracker runs on tickets.mycompany.com.');
    expect(permissions.request).not.toHaveBeenCalled();
    expect(await selfHostedDomains.getValue()).toEqual([]);

    choose(select, 'attributes');
    click(button(page, 'Add domain'));
    await until(async () => expect(await selfHostedDomains.getValue()).toEqual([{ domain: 'tickets.mycompany.com', integration: 'attributes' }]));
  });

  it("keeps the user's choice over the guess", async () => {
    stubPermissions(true);
    const page = mount(<SelfHostedDomains />);

    type(byLabel(page, 'Domain'), 'gitlab.mycompany.com');
    choose(byLabel<HTMLSelectElement>(page, 'Integration'), 'attributes');
    click(button(page, 'Add domain'));

    await until(async () => expect(await selfHostedDomains.getValue()).toEqual([{ domain: 'gitlab.mycompany.com', integration: 'attributes' }]));
  });
});
