import { shownSpan } from '@/components/format/entry-span';
import { parseTimeOfDay, secondsOfApiTime } from '@/components/format/time';
import { t } from '@/lib/i18n';
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
  const start = times.start.trim() ? parseTimeOfDay(times.start) : null;
  const end = times.end.trim() ? parseTimeOfDay(times.end) : null;
  const clashes = start !== null && end !== null && end > start ? overlapping(start, end, entries) : [];
  return <ClashNotice clashes={clashes} message="popup_overlapsWith" />;
}

/**
 * The entries a time span runs into, named with their times under `message` (whose `$1` is the
 * list), or nothing. Always in the page, so a screen reader announces it when it appears.
 */
export function ClashNotice({ clashes, message }: { clashes: readonly Entry[]; message: string }) {
  const prefs = usePrefs();
  const named = clashes.map((entry) => {
    const { range } = shownSpan(secondsOfApiTime(entry.startTime), secondsOfApiTime(entry.endTime), entry.durationSeconds, prefs.timeFormat, prefs.durationFormat);
    return `${entry.taskName || t('popup_noTask')} ${range}`;
  });
  return (
    <p class="overlap-warning small" role="status">
      {named.length > 0 && t(message, named.join(', '))}
    </p>
  );
}
