import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '@/lib/storage/settings';
import { startSandbox, type Sandbox } from '../sandbox';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';
import { signInThroughOptions } from './helpers/sign-in';
import { trustedValue } from './helpers/trusted-storage';

/** The `chrome.storage` calls run inside the options page (Node has no `chrome`; the cast is erased). */
interface StorageGlobals {
  chrome: {
    storage: {
      local: { get(key: string): Promise<Record<string, unknown>> };
      session: { set(items: Record<string, unknown>): Promise<void> };
    };
  };
}

function readLocal(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (key) => {
    const { chrome } = globalThis as unknown as StorageGlobals;
    return (await chrome.storage.local.get(key))[key];
  }, key);
}

const storedSettings = (page: Page) => trustedValue<Partial<Settings>>(page, 'settings');

describe('the options page', () => {
  let sandbox: Sandbox;
  let extension: LaunchedExtension;
  let options: Page;

  beforeAll(async () => {
    sandbox = await startSandbox();
    extension = await launchExtension();
    options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor();
  });
  afterAll(async () => {
    await extension?.close();
    await sandbox?.close();
  });

  it('adds a self-hosted domain (access asked for, listed with Remove, stored) and removes it', async () => {
    // The e2e build declares *://*.test/*, so the browser grants this request without a dialog.
    await options.getByLabel('Domain', { exact: true }).fill('gitlab.example.test');
    await options.getByLabel('Integration', { exact: true }).selectOption({ label: 'GitLab' });
    await options.getByRole('button', { name: 'Add domain', exact: true }).click();

    const listed = options.getByRole('listitem').filter({ hasText: 'gitlab.example.test' });
    await listed.getByRole('button', { name: 'Remove', exact: true }).waitFor();
    await expect.poll(() => readLocal(options, 'selfHostedDomains')).toEqual([{ domain: 'gitlab.example.test', integration: 'gitlab' }]);
    expect(await options.getByLabel('Domain', { exact: true }).inputValue()).toBe('');

    await listed.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => readLocal(options, 'selfHostedDomains')).toEqual([]);
    await options.getByText('gitlab.example.test removed.').waitFor();
  });

  it('refuses a domain that is not a host, next to the field', async () => {
    const field = options.getByLabel('Domain', { exact: true });
    await field.fill('not a domain');
    await options.getByRole('button', { name: 'Add domain', exact: true }).click();

    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const described = await field.evaluate((input) => (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
    expect(described).toContain('This is not a host name.');
    expect(await readLocal(options, 'selfHostedDomains')).toEqual([]);
    await field.fill('');
  });

  it('turns an integration off and on again', async () => {
    const jira = options.getByRole('switch', { name: 'Jira', exact: true });
    expect(await jira.isChecked()).toBe(true);

    await jira.click();
    await expect.poll(async () => (await storedSettings(options))?.disabledIntegrations).toEqual(['jira']);
    expect(await jira.isChecked()).toBe(false);

    await jira.click();
    await expect.poll(async () => (await storedSettings(options))?.disabledIntegrations).toEqual([]);
    expect(await jira.isChecked()).toBe(true);
  });

  it('saves a note template, with a preview', async () => {
    const template = options.getByLabel('Note template', { exact: true });
    await template.fill('{key}: {title} [{project}]');
    expect(await options.locator('.preview-text').textContent()).toBe('#12: Fix login redirect [octo/app]');

    await options.locator('form', { has: template }).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await storedSettings(options))?.noteTemplate).toBe('{key}: {title} [{project}]');
    await options.getByText('Note template saved.').waitFor();
  });

  it('looks right in light and dark, at 1200 and 800 pixels', async () => {
    await options.getByLabel('Domain', { exact: true }).fill('redmine.example.test:8443');
    await options.getByLabel('Integration', { exact: true }).selectOption({ label: 'Redmine' });
    await options.getByRole('button', { name: 'Add domain', exact: true }).click();
    await options.getByRole('listitem').filter({ hasText: 'redmine.example.test:8443' }).waitFor();
    // What the integrations reported for two tabs: one found its issue, one lost its button.
    await options.evaluate(async () => {
      const { chrome } = globalThis as unknown as StorageGlobals;
      await chrome.storage.session.set({
        pageReports: {
          '101': [{ integration: 'github', url: 'https://github.com/octo/app/issues/12', issuePage: true, externalIds: ['github_issue_octo/app#12'], at: Date.now() }],
          '102': [{ integration: 'jira', url: 'https://acme.atlassian.net/browse/PROJ-7', issuePage: true, externalIds: [], at: Date.now() }],
        },
      });
    });
    await options.getByText('No button found — the site may have changed').waitFor();
    await options.getByText('Tasks per tracker').click();
    await options.getByText('Add a custom integration').click();

    await options.setViewportSize({ width: 1200, height: 900 });
    await screenshot(options, 'options-full');
    await options.emulateMedia({ colorScheme: 'dark' });
    await screenshot(options, 'options-full-dark');
    await options.setViewportSize({ width: 800, height: 900 });
    await screenshot(options, 'options-800-dark');
    await options.emulateMedia({ colorScheme: 'light' });
    await screenshot(options, 'options-800');
  });

  it('chooses the default task with the task search', async () => {
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.getByRole('button', { name: 'Change Default task', exact: true }).click();
    const search = options.getByRole('combobox', { name: 'Default task', exact: true });
    await search.fill('login');
    const option = options.getByRole('option').filter({ hasText: 'Fix login redirect' }).first();
    await option.waitFor();
    await screenshot(options, 'options-task-search');

    await option.click();
    await expect.poll(async () => (await storedSettings(options))?.defaultTaskId).toBe(sandbox.demo.tasks.githubIssue);
    await options.getByText('Task saved.').waitFor();
    expect(await options.locator('#default-task-value').textContent()).toContain('Fix login redirect');
  });

});
