import { shownSpan } from '@/components/format/entry-span';
import { parseTimeOfDay, secondsOfApiTime } from '@/components/format/time';
import { t } from '@/components/i18n';
import type { Entry } from '@/lib/api';
import type { TypedTimes } from './entry-times';
import { overlapping } from './overlaps';
import { usePrefs } from './prefs';

interface Props {
  times: TypedTimes;
  /** The day's entries to compare with (the edited one left out). */
  entries: readonly Entry[];
}

/**
 * Says, while the user types, which of the day's entries the times typed
 * would share time with. A warning only: overlapping time is sometimes meant
 * (a call during a build), so saving stays possible.
 */
export function OverlapWarning({ times, entries }: Props) {
  const prefs = usePrefs();
  const start = times.start.trim() ? parseTimeOfDay(times.start) : null;
  const end = times.end.trim() ? parseTimeOfDay(times.end) : null;
  const clashes = start !== null && end !== null && end > start ? overlapping(start, end, entries) : [];
  // Always in the page, so a screen reader announces the warning when it appears.
  return (
    <p class="overlap-warning small" role="status">
      {clashes.length > 0 &&
        t(
          'popup_overlapsWith',
          clashes
            .map((entry) => {
              const { range } = shownSpan(secondsOfApiTime(entry.startTime), secondsOfApiTime(entry.endTime), entry.durationSeconds, prefs.timeFormat, prefs.durationFormat);
              return `${entry.taskName || t('popup_noTask')} ${range}`;
            })
            .join(', '),
        )}
    </p>
  );
}
