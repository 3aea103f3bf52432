import { AccountForm } from '@/components/AccountForm';
import { t } from '@/lib/i18n';
import { useStored } from '@/components/use-stored';
import { account } from '@/lib/storage/account';
import { Notice, Section, useNotice } from './controls';
import { SignOut } from './SignOut';

/** Token and server (checked by the background before they are kept), who is signed in, and signing out. */
export function AccountSection() {
  const signedIn = Boolean(useStored(account));
  const [notice, setNotice] = useNotice();
  return (
    <Section id="account" title={t('options_accountHeading')}>
      <AccountForm submitLabel={t('options_save')} />
      {signedIn && <SignOut onSignedOut={() => setNotice(t('options_signedOut'))} />}
      {/* "Signed out." is old news once someone signs in again. Hidden, not cleared by an effect: an
          effect of the render that showed the account can run after a quick Sign out and wipe it. */}
      <Notice message={signedIn ? '' : notice} />
    </Section>
  );
}
