// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { account } from '@/lib/storage/account';
import { runningTimer } from '@/lib/storage/timer';
import { ACCOUNT, byRole, mount, queryByRole, RUNNING, until, usePopupTestBrowser } from '../popup/harness';

// Defence in depth: the background refuses links that are not http(s), and the popup links to
// nothing else whatever storage holds (a timer stored by an older version, say).

usePopupTestBrowser();

async function popupWith(url: string): Promise<HTMLElement> {
  await account.setValue(ACCOUNT);
  await runningTimer.setValue({ ...RUNNING, source: { ...RUNNING.source!, url } });
  const popup = mount(<Popup />);
  await until(() => byRole(popup, 'button', 'Stop timer'));
  return popup;
}

describe("the running timer's issue link", () => {
  it('links to an http(s) issue', async () => {
    const popup = await popupWith('https://github.com/octo/repo/issues/12');
    expect(byRole(popup, 'link', 'Open #12 Fix login redirect').getAttribute('href')).toBe('https://github.com/octo/repo/issues/12');
  });

  it.each(['javascript:alert(document.cookie)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>'])('is left out for %j', async (url) => {
    const popup = await popupWith(url);
    expect(queryByRole(popup, 'link', 'Open #12 Fix login redirect')).toBeNull();
    expect([...popup.querySelectorAll('a')].map((link) => link.getAttribute('href'))).not.toContainEqual(expect.stringMatching(/script|data:/i));
  });
});
