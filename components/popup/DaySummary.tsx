import { formatDuration } from '@/components/format/duration';
import { secondsOfApiTime } from '@/components/format/time';
import { openDayView } from '@/components/day/open-day-view';
import { t } from '@/lib/i18n';
import type { AttendanceDay, AwayPeriod } from '@/lib/api';
import { usePrefs } from './prefs';

interface Props {
  trackedSeconds: number;
  weekSeconds: number;
  attendance: AttendanceDay | null;
  away: readonly AwayPeriod[];
}

/** Time away in a period: its own duration, else from its start and end. */
export function awaySeconds(period: AwayPeriod): number {
  if (period.durationSeconds !== null) return period.durationSeconds;
  const start = secondsOfApiTime(period.startTime);
  const end = secondsOfApiTime(period.endTime);
  return start !== null && end !== null && end > start ? end - start : 0;
}

/** The day at a glance: tracked time against time at work, time away, and the week so far. */
export function DaySummary({ trackedSeconds, weekSeconds, attendance, away }: Props) {
  const { durationFormat } = usePrefs();
  const d = (seconds: number) => formatDuration(seconds, durationFormat);
  const atWork = attendance?.workedSeconds ?? 0;
  const awayTotal = away.reduce((sum, period) => sum + awaySeconds(period), 0);
  const share = atWork > 0 ? Math.min(1, trackedSeconds / atWork) : 0;

  return (
    <div class="day-summary">
      <dl class="totals">
        <div>
          <dt>{t('popup_totalToday')}</dt>
          <dd>{d(trackedSeconds)}</dd>
        </div>
        <div>
          <dt>{t('popup_totalWeek')}</dt>
          <dd>{d(weekSeconds)}</dd>
        </div>
        {atWork > 0 && (
          <div>
            <dt>{t('popup_atWork')}</dt>
            <dd>{d(atWork)}</dd>
          </div>
        )}
        {awayTotal > 0 && (
          <div>
            <dt>{t('popup_away')}</dt>
            <dd>{d(awayTotal)}</dd>
          </div>
        )}
      </dl>
      {atWork > 0 && (
        <div
          class="meter"
          role="meter"
          aria-label={t('popup_trackedOfAttendance')}
          aria-valuemin={0}
          aria-valuemax={atWork}
          aria-valuenow={Math.min(trackedSeconds, atWork)}
          aria-valuetext={t('popup_trackedOfAttendanceValue', [d(trackedSeconds), d(atWork)])}
        >
          <span class="meter-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
        </div>
      )}
      <button type="button" class="secondary small-button day-view-link" onClick={openDayView}>
        {t('day_open')}
      </button>
    </div>
  );
}
