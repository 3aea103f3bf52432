// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AccountSection } from '@/components/options/AccountSection';
import { account, lastServerUrl } from '@/lib/storage/account';
import { ACCOUNT, button, byLabel, click, mount, stubPermissions, type, until, useOptionsTestBrowser } from './harness';

const COMPANY = 'https://timecamp.mycompany.com/third_party/api';

describe('the server URL on the options page', () => {
  const background = useOptionsTestBrowser();

  it('changes with the saved token: Save without typing the token again checks it on the new server', async () => {
    stubPermissions(true);
    await account.setValue(ACCOUNT);
    background.answer('signIn', () => ({ ok: true, user: ACCOUNT.user }));
    const page = mount(<AccountSection />);
    await until(() => expect(page.textContent).toContain('Ada Lovelace'));
    expect(byLabel(page, 'API token').placeholder).toBe('Saved. Enter a new one to replace it.');

    type(byLabel(page, 'Server URL'), COMPANY);
    click(button(page, 'Save'));

    await until(() => expect(background.of('signIn')).toEqual([{ token: '', serverUrl: COMPANY, useSavedToken: true }]));
    expect(page.querySelector('[role=alert]')).toBeNull();
  });

  it('a new token typed in is used as it is', async () => {
    stubPermissions(true);
    await account.setValue(ACCOUNT);
    background.answer('signIn', () => ({ ok: true, user: ACCOUNT.user }));
    const page = mount(<AccountSection />);
    await until(() => expect(page.textContent).toContain('Ada Lovelace'));

    type(byLabel(page, 'API token'), 'new-token');
    click(button(page, 'Save'));

    await until(() => expect(background.of('signIn')).toEqual([{ token: 'new-token', serverUrl: ACCOUNT.baseUrl }]));
  });

  it('after sign-out still shows the server signed out of, so a self-hosted user types only the token', async () => {
    await lastServerUrl.setValue(COMPANY);
    const page = mount(<AccountSection />);

    await until(() => expect(byLabel(page, 'Server URL').value).toBe(COMPANY));
    expect(byLabel(page, 'API token').value).toBe('');
  });
});
