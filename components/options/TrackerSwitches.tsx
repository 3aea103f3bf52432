import { t } from '@/components/i18n';
import { Notice, Switch, useNotice } from './controls';
import { saveSettings, useSettings } from './settings-store';
import { TRACKER_IDS, trackerName } from './trackers';

/** One switch per tracker: on by default, off adds it to `disabledIntegrations` (open pages follow at once). */
export function TrackerSwitches() {
  const current = useSettings();
  const [notice, setNotice] = useNotice();
  const disabled = current?.disabledIntegrations ?? [];

  async function toggle(id: string, name: string, on: boolean) {
    await saveSettings((stored) => {
      const rest = stored.disabledIntegrations.filter((other) => other !== id);
      return { disabledIntegrations: on ? rest : [...rest, id] };
    });
    setNotice(t(on ? 'options_trackerOn' : 'options_trackerOff', name));
  }

  return (
    <>
      <p class="hint">{t('options_trackersIntro')}</p>
      <ul class="tracker-switches" aria-label={t('options_trackersListLabel')}>
        {TRACKER_IDS.map((id) => (
          <li key={id}>
            <Switch
              id={`tracker-${id}`}
              label={trackerName(id)}
              checked={!disabled.includes(id)}
              disabled={!current}
              onChange={(on) => void toggle(id, trackerName(id), on)}
            />
          </li>
        ))}
      </ul>
      <Notice message={notice} />
    </>
  );
}
