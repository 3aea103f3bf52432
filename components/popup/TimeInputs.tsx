import { t } from '@/lib/i18n';
import type { TimeField, TypedTimes } from './entry-times';
import { followTimes } from './follow-times';
import { usePrefs } from './prefs';

interface Props {
  idBase: string;
  times: TypedTimes;
  errors: Partial<Record<TimeField, string>>;
  /** The fields after a keystroke, kept in step (`followTimes`), and the field the user typed in. */
  onChange(times: TypedTimes, typed: TimeField): void;
  /** A new entry may end the next day. */
  acrossMidnight?: boolean;
}

const FIELDS: Array<{ field: TimeField; label: string; placeholder: string }> = [
  { field: 'start', label: 'popup_start', placeholder: 'popup_startPlaceholder' },
  { field: 'end', label: 'popup_end', placeholder: 'popup_endPlaceholder' },
  { field: 'duration', label: 'popup_duration', placeholder: 'popup_durationPlaceholder' },
];

/** Start, end and duration side by side, each with its own problem written under it, and the rule that keeps them in step. */
export function TimeInputs({ idBase, times, errors, onChange, acrossMidnight = false }: Props) {
  const prefs = usePrefs();
  const ruleId = `${idBase}-times-rule`;
  return (
    <>
      <div class="time-inputs">
        {FIELDS.map(({ field, label, placeholder }) => {
          const id = `${idBase}-${field}`;
          const error = errors[field];
          return (
            <div class="field" key={field}>
              <label for={id}>{t(label)}</label>
              <input
                id={id}
                type="text"
                autocomplete="off"
                placeholder={t(placeholder)}
                value={times[field]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : ruleId}
                onInput={(event) => onChange(followTimes(times, field, event.currentTarget.value, prefs, acrossMidnight), field)}
              />
              {error && (
                <p id={`${id}-error`} class="field-error small" role="alert">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <p id={ruleId} class="muted small times-rule">
        {t('popup_timesRule')}
      </p>
    </>
  );
}
