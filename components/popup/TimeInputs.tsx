import { t } from '@/components/i18n';
import type { TimeField, TypedTimes } from './entry-times';

interface Props {
  idBase: string;
  times: TypedTimes;
  errors: Partial<Record<TimeField, string>>;
  onChange(times: TypedTimes): void;
}

const FIELDS: Array<{ field: TimeField; label: string; placeholder: string }> = [
  { field: 'start', label: 'popup_start', placeholder: 'popup_startPlaceholder' },
  { field: 'end', label: 'popup_end', placeholder: 'popup_endPlaceholder' },
  { field: 'duration', label: 'popup_duration', placeholder: 'popup_durationPlaceholder' },
];

/** Start, end and duration side by side, each with its own problem written under it. */
export function TimeInputs({ idBase, times, errors, onChange }: Props) {
  return (
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
              aria-describedby={error ? `${id}-error` : undefined}
              onInput={(event) => onChange({ ...times, [field]: event.currentTarget.value })}
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
  );
}
