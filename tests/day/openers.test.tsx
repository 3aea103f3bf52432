// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/Options';
import { Popup } from '@/components/Popup';
import { today } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { ACCOUNT, byRole, click, day, entry, mount, until, usePopupTestBrowser } from '../popup/harness';

const background = usePopupTestBrowser();

describe('opening the day view', () => {
  it("from the popup's day summary, in a tab", async () => {
    const opened = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    background.answer('syncNow', () => undefined);
    await account.setValue(ACCOUNT);
    await today.setValue(day([entry({ id: 1 })]));
    const popup = mount(<Popup />);
    click(await until(() => byRole(popup, 'button', 'Day view')));
    expect(opened).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/day.html') });
  });

  it('from the options page, in a tab', async () => {
    const opened = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const page = mount(<Options />);
    click(byRole(page, 'button', 'Day view'));
    expect(opened).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/day.html') });
  });
});
