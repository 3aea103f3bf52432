import { formatDuration, type DurationFormat } from '@/components/format/duration';
import { t } from '@/lib/i18n';
import type { TaskTotal } from './totals';

interface Props {
  tasks: readonly TaskTotal[];
  sites: readonly { site: string; seconds: number }[];
  durationFormat: DurationFormat;
}

const swatch = (color: string | null) => (color && /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(color) ? color : undefined);

/** Time per task and per site on the shown day, most first. */
export function Totals({ tasks, sites, durationFormat }: Props) {
  return (
    <aside class="day-totals">
      <section aria-labelledby="totals-tasks">
        <h2 id="totals-tasks">{t('day_totalsByTask')}</h2>
        {tasks.length === 0 ? (
          <p class="muted">{t('day_noEntries')}</p>
        ) : (
          <ul aria-labelledby="totals-tasks">
            {tasks.map((total) => (
              <li key={total.taskId ?? 'none'}>
                <span class="swatch" style={{ background: swatch(total.color) }} aria-hidden="true" />
                <span class="total-name">{total.name || t('day_noTask')}</span>
                <span class="total-time">{formatDuration(total.seconds, durationFormat)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="totals-sites">
        <h2 id="totals-sites">{t('day_totalsBySite')}</h2>
        {sites.length === 0 ? (
          <p class="muted">{t('day_noActivity')}</p>
        ) : (
          <ul aria-labelledby="totals-sites">
            {sites.map((total) => (
              <li key={total.site}>
                <span class="total-name">{total.site}</span>
                <span class="total-time">{formatDuration(total.seconds, durationFormat)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
