// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CustomIntegrations } from '@/components/options/CustomIntegrations';
import type { CustomIntegrationTrial } from '@/lib/integrations/custom/try-on-page';
import { customIntegrations, type CustomIntegration } from '@/lib/storage/domains';
import { button, byLabel, click, mount, stubPermissions, type, until, useOptionsTestBrowser } from './harness';

const FORM = {
  Name: 'Help desk',
  'Host name': 'desk.example.test',
  'Issue pages (regular expression)': '^/tickets/\\d+',
  'Button next to (CSS selector)': '.ticket-tools',
  'Issue title (CSS selector)': '.ticket-subject',
  'Issue key (CSS selector, optional)': '.ticket-ref',
};

// Page text, which must reach the options page as text and never as markup.
const TITLE = '<img src=x onerror=alert(1)> Nightly backup skipped';

const FOUND: CustomIntegrationTrial = {
  errors: {},
  onDomain: true,
  pathMatches: true,
  anchors: 2,
  issue: { integration: 'custom', externalId: 'custom_x_desk.example.test/TCK-981', key: 'TCK-981', title: TITLE, url: 'https://desk.example.test/tickets/981' },
};

function fillForm(page: HTMLElement) {
  for (const [label, value] of Object.entries(FORM)) type(byLabel(page, label), value);
}

const formOf = (page: HTMLElement) => page.querySelector<HTMLFormElement>('form.custom-form')!;
const resultOf = (page: HTMLElement) => page.querySelector<HTMLElement>('#custom-test-result')!;

/** Open tabs as `tabs.query` finds them on the host. */
const stubTabs = (tabs: Array<{ id: number; url: string; lastAccessed: number }>) => vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs as never);

/**
 * The tab's side of `tabs.sendMessage`, in Chrome's callback form as the messaging library calls
 * it: each call takes the next answer; `undefined` is a tab where nothing listens.
 */
function stubTab(...answers: Array<CustomIntegrationTrial | undefined>) {
  const sent = vi.fn((_tabId: number, _message: { type: string; data: unknown }, _options: unknown, reply: (answer: unknown) => void) => {
    const answer = answers.shift();
    queueMicrotask(() => reply(answer === undefined ? undefined : { res: answer }));
  });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(sent as never);
  const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
  return { sent, inject };
}

describe('Test on current tab', () => {
  useOptionsTestBrowser();
  let permissions: ReturnType<typeof stubPermissions>;
  beforeEach(() => {
    permissions = stubPermissions(true);
  });

  it('asks for the host, and says to open a page of it when no tab shows one', async () => {
    const query = stubTabs([]);
    const { sent, inject } = stubTab();
    const page = mount(<CustomIntegrations />);
    fillForm(page);
    click(button(formOf(page), 'Test on current tab'));

    expect(permissions.request).toHaveBeenCalledWith({ origins: ['*://desk.example.test/*'] });
    await until(() => expect(resultOf(page).textContent).toBe('Open a page of desk.example.test in a tab first.'));
    expect(resultOf(page).getAttribute('aria-live')).toBe('polite');
    expect(query).toHaveBeenCalledWith({ url: ['*://desk.example.test/*'] });
    expect(sent).not.toHaveBeenCalled();
    expect(inject).not.toHaveBeenCalled();
    expect(await customIntegrations.getValue()).toEqual([]);
  });

  it('injects the script into the latest tab of the host, then shows what it found, as text', async () => {
    stubTabs([
      { id: 4, url: 'https://desk.example.test/tickets/7', lastAccessed: 100 },
      { id: 9, url: 'https://desk.example.test/tickets/981', lastAccessed: 200 },
    ]);
    const { sent, inject } = stubTab(undefined, FOUND);
    const page = mount(<CustomIntegrations />);
    fillForm(page);
    click(button(formOf(page), 'Test on current tab'));

    const result = resultOf(page);
    await until(() => expect(result.textContent).toContain("2 elements match the button's selector."));
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 9 }, files: ['/content-scripts/custom.js'] });
    expect(sent.mock.calls.map(([tabId, message]) => [tabId, message.type])).toEqual([
      [9, 'testCustomIntegration'],
      [9, 'testCustomIntegration'],
    ]);
    expect(sent.mock.calls[1]![1].data).toMatchObject({ name: 'Help desk', domain: 'desk.example.test', anchor: '.ticket-tools', key: '.ticket-ref' });

    expect(result.textContent).toContain('Tested on https://desk.example.test/tickets/981');
    expect(result.textContent).toContain('The address matches the issue pages pattern.');
    expect(result.textContent).toContain('TCK-981');
    expect(result.textContent).toContain(TITLE);
    expect(result.querySelector('img')).toBeNull();
    expect(await customIntegrations.getValue()).toEqual([]);
  });

  it('lists the fields the page refused, by their labels', async () => {
    stubTabs([{ id: 9, url: 'https://desk.example.test/tickets/981', lastAccessed: 1 }]);
    const refused: CustomIntegrationTrial = { ...FOUND, anchors: 0, issue: null, errors: { anchor: 'invalid' } };
    const { inject } = stubTab(refused);
    const page = mount(<CustomIntegrations />);
    fillForm(page);
    click(button(formOf(page), 'Test on current tab'));

    await until(() => expect(resultOf(page).textContent).toContain('Button next to (CSS selector): This is not a CSS selector the browser understands.'));
    // A script that answers is not injected again.
    expect(inject).not.toHaveBeenCalled();
  });

  it('checks the form first: a wrong field is explained next to it, and no tab is asked', () => {
    const query = stubTabs([]);
    const page = mount(<CustomIntegrations />);
    fillForm(page);
    type(byLabel(page, 'Issue pages (regular expression)'), '^/tickets/(');
    click(button(formOf(page), 'Test on current tab'));

    expect(byLabel(page, 'Issue pages (regular expression)').getAttribute('aria-invalid')).toBe('true');
    expect(permissions.request).not.toHaveBeenCalled();
    expect(query).not.toHaveBeenCalled();
  });

  it('tests a saved integration from its row', async () => {
    const saved: CustomIntegration = { id: 'desk', name: 'Desk', domain: 'desk.example.test', pathPattern: '^/queue', anchor: '.ticket-tools', position: 'after', title: '.ticket-subject', key: '' };
    await customIntegrations.setValue([saved]);
    stubTabs([{ id: 9, url: 'https://desk.example.test/tickets/981', lastAccessed: 1 }]);
    const { sent } = stubTab({ ...FOUND, pathMatches: false, anchors: 1, issue: null });
    const page = mount(<CustomIntegrations />);
    await until(() => expect(page.querySelector('li')).not.toBeNull());
    click(button(page.querySelector('li')!, 'Test on current tab'));

    const result = page.querySelector<HTMLElement>('#custom-list-test')!;
    await until(() => expect(result.textContent).toContain('1 element matches the button'));
    expect(sent.mock.calls[0]![1].data).toEqual(saved);
    expect(result.textContent).toContain('Desk');
    expect(result.textContent).toContain('does not match the issue pages pattern');
    expect(result.textContent).toContain('No issue was read: the key selector matches nothing near the button');
  });
});
