import { useState } from 'preact/hooks';
import { formatTimeOfDay, parseTimeOfDay, secondsOfApiTime, toApiTime, type TimeFormat } from '@/components/format/time';
import { t, uiLanguage } from '@/lib/i18n';
import { checkWorkingHours } from '@/lib/options/settings-rules';
import { describedBy, FieldError, Notice, SaveButtons, Section, Switch, useNotice } from './controls';
import { saveSettings, useSettings } from './settings-store';

/** Monday first; the stored numbers are JavaScript's (0 = Sunday). */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** The weekday's name in the browser's language (5 January 1970 was a Monday). */
function dayName(day: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4 + (day === 0 ? 7 : day)));
}

/** A stored `HH:MM` as the user reads times (`17:00` or `5:00 PM`). */
function shownTime(stored: string | undefined, format: TimeFormat): string {
  const seconds = secondsOfApiTime(stored);
  return seconds === null ? (stored ?? '') : formatTimeOfDay(seconds, format);
}

/** A typed time (`17:00`, `5pm`, `9.30`) as stored, `HH:MM`; as typed when it is not a time, for the check to refuse. */
function storedTime(typed: string): string {
  const seconds = parseTimeOfDay(typed);
  return seconds === null ? typed.trim() : toApiTime(seconds).slice(0, 5);
}

/** A nudge to track during working hours when no timer runs, and what those hours are. */
export function Reminders() {
  const current = useSettings();
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useNotice();
  const hours = current?.workingHours;
  // Text fields in the user's time format: a browser's time field follows the system's locale
  // (AM/PM in English) whatever the user chose on this page.
  const format = current?.timeFormat ?? '24h';
  const value = draft ?? { from: shownTime(hours?.from, format), to: shownTime(hours?.to, format) };
  const dirty = draft !== null && (storedTime(draft.from) !== hours?.from || storedTime(draft.to) !== hours?.to);

  function edit(next: { from: string; to: string } | null) {
    setDraft(next);
    setError(null);
    setNotice('');
  }

  async function saveHours(event: Event) {
    event.preventDefault();
    const from = storedTime(value.from);
    const to = storedTime(value.to);
    const problem = checkWorkingHours(from, to);
    if (problem) return setError(t(problem === 'order' ? 'options_hoursOrder' : 'options_hoursInvalid'));
    await saveSettings((stored) => ({ workingHours: { ...stored.workingHours, from, to } }));
    setDraft(null);
    setNotice(t('options_hoursSaved'));
  }

  async function toggleDay(day: number, on: boolean) {
    await saveSettings((stored) => {
      const others = stored.workingHours.days.filter((other) => other !== day);
      return { workingHours: { ...stored.workingHours, days: (on ? [...others, day] : others).sort((a, b) => a - b) } };
    });
    setNotice(t('options_daysSaved'));
  }

  async function toggle(on: boolean) {
    await saveSettings({ reminders: on });
    setNotice(t(on ? 'options_remindersOn' : 'options_remindersOff'));
  }

  const hoursInvalid = error !== null;
  return (
    <Section id="reminders" title={t('options_remindersHeading')} level={3}>
      <Switch
        id="reminders"
        label={t('options_reminders')}
        hint={t('options_remindersHint')}
        checked={current?.reminders ?? false}
        disabled={!current}
        onChange={(on) => void toggle(on)}
      />
      <fieldset class="days">
        <legend>{t('options_workingDays')}</legend>
        {WEEK.map((day) => (
          <label key={day} class="day">
            <input type="checkbox" checked={hours?.days.includes(day) ?? false} disabled={!current} onChange={(event) => void toggleDay(day, event.currentTarget.checked)} />
            {dayName(day)}
          </label>
        ))}
      </fieldset>
      <form onSubmit={saveHours} noValidate>
        <fieldset class="hours">
          <legend>{t('options_workingHours')}</legend>
          <span class="field">
            <label for="hours-from">{t('options_hoursFrom')}</label>
            <input
              id="hours-from"
              type="text"
              autocomplete="off"
              size={8}
              placeholder={format === '24h' ? '09:00' : '9:00 AM'}
              value={value.from}
              disabled={!current}
              aria-invalid={hoursInvalid}
              aria-describedby={describedBy(hoursInvalid && 'hours-error')}
              onInput={(event) => edit({ ...value, from: event.currentTarget.value })}
            />
          </span>
          <span class="field">
            <label for="hours-to">{t('options_hoursTo')}</label>
            <input
              id="hours-to"
              type="text"
              autocomplete="off"
              size={8}
              placeholder={format === '24h' ? '09:00' : '9:00 AM'}
              value={value.to}
              disabled={!current}
              aria-invalid={hoursInvalid}
              aria-describedby={describedBy(hoursInvalid && 'hours-error')}
              onInput={(event) => edit({ ...value, to: event.currentTarget.value })}
            />
          </span>
        </fieldset>
        <FieldError id="hours-error" message={error} />
        <SaveButtons dirty={dirty} onCancel={() => edit(null)} />
      </form>
      <Notice message={notice} />
    </Section>
  );
}
