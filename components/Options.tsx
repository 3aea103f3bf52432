import { AccountForm } from './AccountForm';

/** The options page. Trackers and tracking preferences arrive with the options issue. */
export function Options() {
  return (
    <main>
      <h1>TimeCamp settings</h1>
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        <AccountForm submitLabel="Save" />
      </section>
    </main>
  );
}
