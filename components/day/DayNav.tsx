import { t } from '@/lib/i18n';
import { nextDate } from '@/components/popup/midnight-split';
import { previousDate } from '@/lib/day/load-day';

interface Props {
  /** The shown day and the account's today, `YYYY-MM-DD`. */
  date: string;
  today: string;
  onChange(date: string): void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Previous and next day, today, and any day by the date picker (none after today: it has no time yet). */
export function DayNav({ date, today, onChange }: Props) {
  return (
    <nav class="day-nav" aria-label={t('day_navigation')}>
      <button type="button" class="secondary" onClick={() => onChange(previousDate(date))}>
        {t('day_previous')}
      </button>
      <button type="button" class="secondary" disabled={date === today} onClick={() => onChange(today)}>
        {t('day_today')}
      </button>
      <button type="button" class="secondary" disabled={date >= today} onClick={() => onChange(nextDate(date))}>
        {t('day_next')}
      </button>
      <label for="day-date">{t('day_pickDate')}</label>
      <input
        id="day-date"
        type="date"
        value={date}
        max={today}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (DATE.test(value) && value <= today) onChange(value);
        }}
      />
    </nav>
  );
}
