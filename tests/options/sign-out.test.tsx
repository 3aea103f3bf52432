// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AccountSection } from '@/components/options/AccountSection';
import { account } from '@/lib/storage/account';
import { ACCOUNT, button, buttons, click, mount, notices, until, useOptionsTestBrowser } from './harness';

describe('signing out', () => {
  const background = useOptionsTestBrowser();

  async function signedInPage() {
    await account.setValue(ACCOUNT);
    // The background forgets the account when it signs out.
    background.answer('signOut', (request) => {
      const dropQueue = (request as { dropQueue?: boolean } | undefined)?.dropQueue;
      if (!dropQueue && pending > 0) return { signedOut: false, pending };
      void account.setValue(null);
      return { signedOut: true };
    });
    const page = mount(<AccountSection />);
    await until(() => expect(page.textContent).toContain('Ada Lovelace'));
    return page;
  }
  let pending = 0;

  it('signs out at once when nothing waits to be sent', async () => {
    pending = 0;
    const page = await signedInPage();
    click(button(page, 'Sign out'));

    await until(() => expect(notices(page)).toContain('Signed out.'));
    expect(background.of('signOut')).toEqual([{}]);
    expect(buttons(page, 'Sign out')).toHaveLength(0);
  });

  it('asks before dropping changes TimeCamp has not got, and keeps them when told to', async () => {
    pending = 2;
    const page = await signedInPage();
    click(button(page, 'Sign out'));

    const question = await until(() => {
      const dialog = page.querySelector('[role=alertdialog]');
      expect(dialog).not.toBeNull();
      return dialog!;
    });
    expect(question.textContent).toContain('2 changes have not reached TimeCamp yet.');
    expect(question.textContent).toContain('If you sign out now, they are lost.');
    // The safe answer gets the focus (moved after the question is drawn).
    await until(() => expect(document.activeElement).toBe(button(page, 'Stay signed in')));

    click(button(page, 'Stay signed in'));
    expect(page.querySelector('[role=alertdialog]')).toBeNull();
    expect(background.of('signOut')).toEqual([{}]);
    expect(await account.getValue()).toEqual(ACCOUNT);
  });

  it('drops them only when the user says so', async () => {
    pending = 1;
    const page = await signedInPage();
    click(button(page, 'Sign out'));
    await until(() => expect(page.textContent).toContain('1 change has not reached TimeCamp yet.'));

    click(button(page, 'Sign out and drop them'));
    await until(() => expect(notices(page)).toContain('Signed out.'));
    expect(background.of('signOut')).toEqual([{}, { dropQueue: true }]);
    expect(await account.getValue()).toBeNull();
  });

  it('says so when the background cannot sign out', async () => {
    await account.setValue(ACCOUNT);
    background.answer('signOut', () => {
      throw new Error('Storage is full');
    });
    const page = mount(<AccountSection />);
    click(await until(() => button(page, 'Sign out')));
    await until(() => expect(page.querySelector('[role=alert]')?.textContent).toBe('Could not sign out: Storage is full'));
    expect(await account.getValue()).toEqual(ACCOUNT);
  });
});
