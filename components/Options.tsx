import { openDayView } from './day/open-day-view';
import { t } from '@/lib/i18n';
import { AccountSection } from './options/AccountSection';
import { ActivitySection } from './options/ActivitySection';
import { TrackersSection } from './options/TrackersSection';
import { TrackingSection } from './options/TrackingSection';
import './options/options.css';

/** The options page: the account, the trackers the button appears on, how tracking behaves, and browser activity. */
export function Options() {
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p>
        <button type="button" class="secondary" onClick={openDayView}>
          {t('day_open')}
        </button>
      </p>
      <AccountSection />
      <TrackersSection />
      <TrackingSection />
      <ActivitySection />
    </main>
  );
}
