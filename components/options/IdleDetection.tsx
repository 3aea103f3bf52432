import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, parseIdleMinutes } from '@/lib/options/settings-rules';
import { describedBy, FieldError, Notice, SaveButtons, Section, Switch, useNotice } from './controls';
import { saveSettings, useSettings } from './settings-store';

/** Asking what to do with time away from the computer while a timer ran, and after how long away. */
export function IdleDetection() {
  const current = useSettings();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useNotice();
  const stored = String(current?.idleMinutes ?? '');
  const value = draft ?? stored;

  function edit(next: string | null) {
    setDraft(next);
    setError(null);
    setNotice('');
  }

  async function save(event: Event) {
    event.preventDefault();
    const parsed = parseIdleMinutes(value);
    if (!parsed.ok) return setError(t(parsed.problem === 'number' ? 'options_idleNotNumber' : 'options_idleRange', [IDLE_MINUTES_MIN, IDLE_MINUTES_MAX]));
    await saveSettings({ idleMinutes: parsed.minutes });
    setDraft(null);
    setNotice(t('options_idleSaved', parsed.minutes));
  }

  async function toggle(on: boolean) {
    await saveSettings({ idleDetection: on });
    setNotice(t(on ? 'options_idleOn' : 'options_idleOff'));
  }

  return (
    <Section id="idle" title={t('options_idleHeading')} level={3}>
      <Switch
        id="idle-detection"
        label={t('options_idleDetection')}
        hint={t('options_idleDetectionHint')}
        checked={current?.idleDetection ?? false}
        disabled={!current}
        onChange={(on) => void toggle(on)}
      />
      <form onSubmit={save} noValidate>
        <label for="idle-minutes">{t('options_idleMinutes')}</label>
        <input
          id="idle-minutes"
          class="narrow"
          type="number"
          inputMode="numeric"
          min={IDLE_MINUTES_MIN}
          max={IDLE_MINUTES_MAX}
          step={1}
          value={value}
          disabled={!current}
          aria-invalid={error !== null}
          aria-describedby={describedBy(error !== null && 'idle-minutes-error', 'idle-minutes-hint')}
          onInput={(event) => edit(event.currentTarget.value)}
        />
        <p id="idle-minutes-hint" class="hint">
          {t('options_idleMinutesHint', [IDLE_MINUTES_MIN, IDLE_MINUTES_MAX])}
        </p>
        <FieldError id="idle-minutes-error" message={error} />
        <SaveButtons dirty={draft !== null && draft !== stored} onCancel={() => edit(null)} />
      </form>
      <Notice message={notice} />
    </Section>
  );
}
