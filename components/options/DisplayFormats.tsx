import { t } from '@/lib/i18n';
import { formatDuration, type DurationFormat } from '@/components/format/duration';
import { formatTimeOfDay, type TimeFormat } from '@/components/format/time';
import { Notice, Section, useNotice } from './controls';
import { saveSettings, useSettings } from './settings-store';

const TIME_FORMATS: ReadonlyArray<{ value: TimeFormat; label: string }> = [
  { value: '24h', label: 'options_time24h' },
  { value: '12h', label: 'options_time12h' },
];
const DURATION_FORMATS: ReadonlyArray<{ value: DurationFormat; label: string }> = [
  { value: 'hh:mm', label: 'options_durationClock' },
  { value: 'decimal', label: 'options_durationDecimal' },
];

// Examples in each choice show what it looks like: 14:05 or 2:05 PM, 1:30 or 1.50 h.
const EXAMPLE_TIME = 14 * 3600 + 5 * 60;
const EXAMPLE_DURATION = 90 * 60;

/** How the popup shows times of day and durations. */
export function DisplayFormats() {
  const current = useSettings();
  const [notice, setNotice] = useNotice();

  async function save(patch: { timeFormat: TimeFormat } | { durationFormat: DurationFormat }) {
    await saveSettings(patch);
    setNotice(t('options_formatSaved'));
  }

  return (
    <Section id="display" title={t('options_displayHeading')} level={3}>
      <div class="field-grid">
        <label for="time-format">{t('options_timeFormat')}</label>
        <select
          id="time-format"
          value={current?.timeFormat ?? '24h'}
          disabled={!current}
          onChange={(event) => void save({ timeFormat: event.currentTarget.value as TimeFormat })}
        >
          {TIME_FORMATS.map(({ value, label }) => (
            <option key={value} value={value}>
              {t(label, formatTimeOfDay(EXAMPLE_TIME, value))}
            </option>
          ))}
        </select>
        <label for="duration-format">{t('options_durationFormat')}</label>
        <select
          id="duration-format"
          value={current?.durationFormat ?? 'hh:mm'}
          disabled={!current}
          onChange={(event) => void save({ durationFormat: event.currentTarget.value as DurationFormat })}
        >
          {DURATION_FORMATS.map(({ value, label }) => (
            <option key={value} value={value}>
              {t(label, formatDuration(EXAMPLE_DURATION, value))}
            </option>
          ))}
        </select>
      </div>
      <Notice message={notice} />
    </Section>
  );
}
