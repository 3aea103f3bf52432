import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { useStored } from '@/components/use-stored';
import { releaseDomainAccess } from '@/lib/options/host-access';
import { customIntegrations, type CustomIntegration } from '@/lib/storage/domains';
import { updateItem } from '@/lib/storage/update-item';
import { Notice, Section, useNotice } from './controls';
import { CustomIntegrationForm } from './CustomIntegrationForm';
import { TabTestResult, useTabTest } from './TabTestResult';

/** Trackers described by the user (stored as data; the background turns them into buttons). */
export function CustomIntegrations() {
  const list = useStored(customIntegrations);
  const [notice, setNotice] = useNotice();
  // The saved integration whose test on the current tab is shown.
  const [testing, setTesting] = useState<CustomIntegration | null>(null);
  const tabTest = useTabTest();

  async function add(entry: CustomIntegration) {
    await updateItem(customIntegrations, (current) => [...current, entry]);
    setNotice(t('options_customAdded', [entry.name, entry.domain]));
  }

  function test(entry: CustomIntegration) {
    // First thing in the click: the test asks for access to the host within the user's gesture.
    tabTest.run(entry);
    setTesting(entry);
  }

  async function remove(entry: CustomIntegration) {
    await updateItem(customIntegrations, (current) => current.filter((other) => other.id !== entry.id));
    await releaseDomainAccess(entry.domain);
    if (testing?.id === entry.id) {
      setTesting(null);
      tabTest.clear();
    }
    setNotice(t('options_customRemoved', entry.name));
  }

  return (
    <Section id="custom" title={t('options_customHeading')} level={3}>
      <p class="hint">{t('options_customIntro')}</p>
      {list && list.length > 0 && (
        <ul class="entry-list">
          {list.map((entry) => (
            <li key={entry.id}>
              <span class="entry-main" id={`${entry.id}-summary`}>
                <strong>{entry.name}</strong> <span class="muted">{entry.domain}</span> <code>{entry.pathPattern}</code>
              </span>
              <span class="button-row">
                <button type="button" class="secondary" aria-describedby={`${entry.id}-summary`} onClick={() => test(entry)}>
                  {t('options_customTest')}
                </button>
                <button type="button" class="secondary" aria-describedby={`${entry.id}-summary`} onClick={() => void remove(entry)}>
                  {t('options_remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {/* One region for the whole list, so it is in the page before any test is pressed. */}
      <TabTestResult id="custom-list-test" name={testing?.name} result={tabTest.result} busy={tabTest.busy} />
      <details class="add-custom">
        <summary>{t('options_customFormSummary')}</summary>
        <CustomIntegrationForm onAdd={add} />
      </details>
      <Notice message={notice} />
    </Section>
  );
}
