import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { useStored } from '@/components/use-stored';
import { customIntegrations, type CustomIntegration } from '@/lib/storage/domains';
import { updateItem } from '@/lib/tasks/update-item';
import { Notice, Section, useNotice } from './controls';
import { CustomIntegrationForm } from './CustomIntegrationForm';
import { releaseHostAccess } from './host-access';

/** Trackers described by the user (stored as data; the background turns them into buttons). */
export function CustomIntegrations() {
  const list = useStored(customIntegrations);
  const [notice, setNotice] = useNotice();
  const [testing, setTesting] = useState<string | null>(null);

  async function add(entry: CustomIntegration) {
    await updateItem(customIntegrations, (current) => [...current, entry]);
    setNotice(t('options_customAdded', [entry.name, entry.domain]));
  }

  async function remove(entry: CustomIntegration) {
    await updateItem(customIntegrations, (current) => current.filter((other) => other.id !== entry.id));
    await releaseHostAccess(entry.domain);
    if (testing === entry.id) setTesting(null);
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
                <button type="button" class="secondary" aria-describedby={`${entry.id}-summary`} onClick={() => setTesting(testing === entry.id ? null : entry.id)}>
                  {t('options_customTest')}
                </button>
                <button type="button" class="secondary" aria-describedby={`${entry.id}-summary`} onClick={() => void remove(entry)}>
                  {t('options_remove')}
                </button>
              </span>
              {/* Testing needs the background to look at a tab; until it can, say how to check by hand. */}
              {testing === entry.id && (
                <p class="hint full" role="note">
                  {t('options_customTestUnavailable', entry.domain)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <details class="add-custom">
        <summary>{t('options_customFormSummary')}</summary>
        <CustomIntegrationForm onAdd={add} />
      </details>
      <Notice message={notice} />
    </Section>
  );
}
