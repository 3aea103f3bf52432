import { useMemo, useRef, useState } from 'preact/hooks';
import type { TimeFormat } from '@/components/format/time';
import { t } from '@/lib/i18n';
import type { DayAttendance, DayAway, DayEntry } from '@/lib/day/day-data';
import type { Stretch } from './activity';
import { DAY, GUTTER, HOURS, packRows, ROW, RULER, secondsAt, snap, STEP, WIDTH, xOf, type Span } from './layout';
import { entryName, spanName } from './names';

export interface TimelineProps {
  /** Entries with a start and end (duration-only ones have no place on a timeline). */
  entries: readonly DayEntry[];
  attendance: DayAttendance | null;
  away: readonly DayAway[];
  /** Activity merged by site (`mergeBySite`). */
  activity: readonly Stretch[];
  /** Untracked working time (`untrackedGaps`). */
  gaps: readonly Span[];
  /** The range chosen to become an entry, drawn over the entries' lane. */
  selection: Span | null;
  timeFormat: TimeFormat;
  /** Now, in seconds of the shown day, when the shown day is today. */
  now?: number | null;
  /** An entry moved or resized: its new start and end (seconds of the shown day). */
  onChange(entry: DayEntry, span: Span): void;
  /** A range to turn into an entry: dragged across the timeline, or a gap or activity stretch picked. */
  onSelect(span: Span): void;
  /** Says an edit in progress (the keyboard's), for a live region. */
  onPreview?(text: string): void;
}

type Drag =
  | { kind: 'move' | 'start' | 'end'; index: number; from: number; origin: Span }
  | { kind: 'select'; from: number };

/** Within this many units (six minutes) of an entry's edge, a drag resizes instead of moving. */
const EDGE = 3;

const width = (span: Span) => Math.max(1, xOf(span.end) - xOf(span.start));

/** A task's colour as the block's fill: only `#rgb`/`#rrggbb` from TimeCamp is drawn (a plain attribute, cheaper than a style). */
const colourOf = (color: string | null) => (color && /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(color) ? color : undefined);

/** The span after an edit of `kind` by `delta` seconds, snapped to five minutes, at least five minutes long. */
export function edited(kind: 'move' | 'start' | 'end', origin: Span, delta: number): Span {
  // A press that hardly moved is a click: the entry stays where it is, off the grid or not.
  if (Math.abs(delta) < STEP / 2) return origin;
  if (kind === 'move') {
    const start = snap(origin.start + delta);
    return { start, end: start + (origin.end - origin.start) };
  }
  if (kind === 'start') return { start: Math.min(snap(origin.start + delta), origin.end - STEP), end: origin.end };
  return { start: origin.start, end: Math.max(snap(origin.end + delta), origin.start + STEP) };
}

/**
 * One day on a timeline, drawn as SVG: an hour ruler and lanes for entries (overlapping ones in
 * sub-rows, each in its task's colour), attendance, time away and activity by site. Entries move
 * and resize with the pointer (by five minutes) or the keyboard (arrows move, Shift+arrows move the
 * end, Enter saves, Escape cancels); empty time is dragged across, or a gap or activity stretch
 * picked, to become an entry. Handlers sit on the SVG, not on each block, and the lanes are
 * memoised, so a day of hundreds of entries and thousands of activity spans draws at once.
 */
export function Timeline(props: TimelineProps) {
  const { entries, attendance, away, activity, gaps, selection, timeFormat, now } = props;
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);
  // A drag that ended on a gap must not be taken for a click on it (which picks the whole gap).
  const dragged = useRef(false);
  const [preview, setPreview] = useState<{ index: number; span: Span } | null>(null);
  const [selecting, setSelecting] = useState<Span | null>(null);
  const [activeStretch, setActiveStretch] = useState(0);

  const spans = useMemo(() => entries.map((entry) => ({ start: entry.start ?? 0, end: entry.end ?? entry.start ?? 0 })), [entries]);
  const { rows, count } = useMemo(() => packRows(spans), [spans]);
  const entriesTop = RULER;
  const attendanceTop = entriesTop + count * ROW;
  const awayTop = attendanceTop + ROW;
  const activityTop = awayTop + ROW;
  const height = activityTop + ROW;

  // Blocks carry no handlers and no data attributes: the SVG's handlers find a block's kind by its
  // group and its index by its place there. Fewer attributes make a day of hundreds of entries cheap.
  const entryBlocks = useMemo(
    () =>
      entries.map((entry, index) => {
        const span = spans[index]!;
        const state = entry.waitingId ? 'waiting' : entry.locked || entry.running ? 'locked' : undefined;
        return (
          <rect
            key={entry.waitingId ?? entry.id}
            class={state}
            fill={colourOf(entry.color)}
            role="button"
            tabIndex={0}
            aria-label={entryName(entry, span, timeFormat)}
            x={xOf(span.start)}
            y={entriesTop + rows[index]! * ROW + 2}
            width={width(span)}
            height={ROW - 4}
          />
        );
      }),
    [entries, spans, rows, timeFormat],
  );

  /** Task names written on the blocks wide enough for a few letters of them. */
  const entryNames = useMemo(
    () =>
      entries.map((entry, index) => {
        const span = spans[index]!;
        const chars = Math.floor((width(span) - 10) / 7);
        if (chars < 3) return null;
        const label = entry.taskName || t('day_noTask');
        return (
          <text key={entry.waitingId ?? entry.id} x={xOf(span.start) + 6} y={entriesTop + rows[index]! * ROW + ROW / 2 + 6}>
            {label.length > chars ? `${label.slice(0, chars - 1)}…` : label}
          </text>
        );
      }),
    [entries, spans, rows],
  );

  const gapBlocks = useMemo(
    () =>
      gaps.map((gap) => (
        <rect
          key={gap.start}
          role="button"
          tabIndex={0}
          aria-label={spanName(t('day_untracked'), gap, timeFormat)}
          x={xOf(gap.start)}
          y={entriesTop + 2}
          width={width(gap)}
          height={count * ROW - 4}
        />
      )),
    [gaps, count, timeFormat],
  );

  const attendanceBlock = useMemo(() => {
    if (attendance?.start == null || attendance.end == null) return null;
    const span = { start: attendance.start, end: attendance.end < attendance.start ? attendance.end + DAY : attendance.end };
    return (
      <rect
        class="attendance"
        role="img"
        aria-label={spanName(t('day_atWork'), span, timeFormat, attendance.workedSeconds)}
        x={xOf(span.start)}
        y={attendanceTop + 4}
        width={width(span)}
        height={ROW - 8}
        rx={3}
      />
    );
  }, [attendance, attendanceTop, timeFormat]);

  const awayBlocks = useMemo(
    () =>
      away.map((period) => (
        <rect
          key={`away-${period.start}`}
          class="away"
          role="img"
          aria-label={spanName(period.description ? t('day_awayFor', period.description) : t('day_away'), period, timeFormat)}
          x={xOf(period.start)}
          y={awayTop + 4}
          width={width(period)}
          height={ROW - 8}
          rx={3}
        />
      )),
    [away, awayTop, timeFormat],
  );

  // Thousands of activity stretches are drawn as one path per hue; the keyboard and screen readers
  // reach them one at a time through a single focusable block on the current stretch.
  const activityPaths = useMemo(() => {
    const paths = new Map<number, string[]>();
    // A day has thousands of stretches on a few dozen sites: each site's hue is worked out once.
    const hues = new Map<string, number>();
    for (const stretch of activity) {
      let hue = hues.get(stretch.site);
      if (hue === undefined) hues.set(stretch.site, (hue = siteHue(stretch.site)));
      const d = paths.get(hue) ?? [];
      const across = width(stretch).toFixed(1);
      d.push(`M${xOf(stretch.start).toFixed(1)} ${activityTop + 3}h${across}v${ROW - 6}h-${across}z`);
      paths.set(hue, d);
    }
    return [...paths].map(([hue, d]) => <path key={hue} class={`site-${hue}`} d={d.join('')} />);
  }, [activity, activityTop]);
  const current = activity[Math.min(activeStretch, activity.length - 1)];

  const ruler = useMemo(
    () => (
      <g class="ruler" aria-hidden="true">
        {HOURS.map((hour) => (
          <g key={hour}>
            <line x1={xOf(hour * 3600)} x2={xOf(hour * 3600)} y1={RULER - 6} y2={height} />
            {hour % 2 === 0 && hour < 24 && (
              <text x={xOf(hour * 3600) + 2} y={RULER - 9}>
                {String(hour).padStart(2, '0')}
              </text>
            )}
          </g>
        ))}
      </g>
    ),
    [height],
  );

  /** The pointer's place on the day, in seconds. */
  function secondsOfPointer(event: MouseEvent): number {
    const box = svg.current!.getBoundingClientRect();
    return secondsAt(((event.clientX - box.left) / (box.width || WIDTH)) * WIDTH);
  }

  /** Which block an event reached: its kind (by the group it is drawn in) and its index there. */
  function targetOf(event: Event): { kind: string | undefined; index: number } {
    const element = event.target as Element;
    const group = element.parentElement;
    const kind = group?.getAttribute('class') ?? undefined;
    if (kind === 'activity-current') return { kind: 'activity', index: Math.min(activeStretch, activity.length - 1) };
    return { kind: element.getAttribute('class') === 'activity-hit' ? 'activity-lane' : kind, index: group ? Array.prototype.indexOf.call(group.children, element) : -1 };
  }

  /** The activity stretch at a moment, if any (stretches are in order and do not overlap). */
  function stretchAt(seconds: number): number {
    let low = 0;
    let high = activity.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (activity[mid]!.end < seconds) low = mid + 1;
      else if (activity[mid]!.start > seconds) high = mid - 1;
      else return mid;
    }
    return -1;
  }

  function onPointerDown(event: PointerEvent) {
    dragged.current = false;
    if (event.button !== 0) return;
    const at = secondsOfPointer(event);
    const { kind, index } = targetOf(event);
    if (kind === 'entry') {
      const entry = entries[index]!;
      if (entry.locked || entry.running) return;
      const origin = spans[index]!;
      const nearStart = Math.abs(xOf(at) - xOf(origin.start)) <= EDGE;
      const nearEnd = Math.abs(xOf(at) - xOf(origin.end)) <= EDGE;
      drag.current = { kind: nearEnd ? 'end' : nearStart ? 'start' : 'move', index, from: at, origin };
    } else if (kind === 'activity' || kind === 'activity-lane') {
      return;
    } else {
      drag.current = { kind: 'select', from: snap(at) };
    }
    svg.current?.setPointerCapture?.(event.pointerId);
    event.preventDefault();
  }

  function onPointerMove(event: PointerEvent) {
    const current = drag.current;
    if (!current) return;
    const at = secondsOfPointer(event);
    if (current.kind === 'select') {
      const to = snap(at);
      setSelecting({ start: Math.min(current.from, to), end: Math.max(current.from, to) });
    } else {
      setPreview({ index: current.index, span: edited(current.kind, current.origin, at - current.from) });
    }
  }

  function onPointerUp(event: PointerEvent) {
    const current = drag.current;
    drag.current = null;
    if (!current) return;
    if (current.kind === 'select') {
      const to = snap(secondsOfPointer(event));
      const span = { start: Math.min(current.from, to), end: Math.max(current.from, to) };
      setSelecting(null);
      dragged.current = span.end - span.start >= STEP;
      if (dragged.current) props.onSelect(span);
      return;
    }
    const span = edited(current.kind, current.origin, secondsOfPointer(event) - current.from);
    setPreview(null);
    if (span.start !== current.origin.start || span.end !== current.origin.end) props.onChange(entries[current.index]!, span);
  }

  function commitPreview() {
    if (!preview) return;
    setPreview(null);
    const origin = spans[preview.index]!;
    if (preview.span.start !== origin.start || preview.span.end !== origin.end) props.onChange(entries[preview.index]!, preview.span);
  }

  function onKeyDown(event: KeyboardEvent) {
    const { kind, index } = targetOf(event);
    const step = event.key === 'ArrowRight' ? STEP : event.key === 'ArrowLeft' ? -STEP : 0;
    if (kind === 'entry') {
      const entry = entries[index]!;
      if (step !== 0 && !entry.locked && !entry.running) {
        event.preventDefault();
        const base = preview?.index === index ? preview.span : spans[index]!;
        const span = event.shiftKey ? { start: base.start, end: Math.max(base.start + STEP, base.end + step) } : { start: base.start + step, end: base.end + step };
        setPreview({ index, span });
        props.onPreview?.(entryName(entry, span, timeFormat));
      } else if (event.key === 'Enter') {
        event.preventDefault();
        commitPreview();
      } else if (event.key === 'Escape' && preview) {
        event.preventDefault();
        setPreview(null);
        props.onPreview?.(entryName(entry, spans[index]!, timeFormat));
      }
      return;
    }
    if (kind === 'activity' && step !== 0) {
      event.preventDefault();
      const next = Math.min(activity.length - 1, Math.max(0, index + Math.sign(step)));
      setActiveStretch(next);
      props.onPreview?.(spanName(activity[next]!.site, activity[next]!, timeFormat, activity[next]!.seconds));
      return;
    }
    if ((kind === 'gap' || kind === 'activity') && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      props.onSelect(kind === 'gap' ? gaps[index]! : activity[index]!);
    }
  }

  function onClick(event: MouseEvent) {
    if (dragged.current) return;
    const { kind, index } = targetOf(event);
    if (kind === 'gap') props.onSelect(gaps[index]!);
    if (kind === 'activity' || kind === 'activity-lane') {
      const found = stretchAt(secondsOfPointer(event));
      if (found === -1) return;
      setActiveStretch(found);
      props.onSelect(activity[found]!);
    }
  }

  const shownSelection = selecting ?? selection;
  const lane = (top: number, rowsTall: number, name: string) => (
    <>
      <rect class="lane" x={0} y={top} width={WIDTH} height={rowsTall * ROW} aria-hidden="true" />
      <text class="lane-label" x={8} y={top + ROW / 2 + 4} aria-hidden="true">
        {name}
      </text>
    </>
  );

  return (
    <svg
      ref={svg}
      class="timeline"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="group"
      aria-label={t('day_timeline')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onFocusOut={commitPreview}
    >
      {lane(entriesTop, count, t('day_laneEntries'))}
      {lane(attendanceTop, 1, t('day_laneAttendance'))}
      {lane(awayTop, 1, t('day_laneAway'))}
      {lane(activityTop, 1, t('day_laneActivity'))}
      {ruler}
      <g role="group" aria-label={t('day_laneEntries')}>
        <g class="gap">{gapBlocks}</g>
        <g class="entry">{entryBlocks}</g>
        <g class="entry-names" aria-hidden="true">
          {entryNames}
        </g>
      </g>
      <g role="group" aria-label={t('day_laneAttendance')}>
        {attendanceBlock}
      </g>
      <g role="group" aria-label={t('day_laneAway')}>
        {awayBlocks}
      </g>
      <g role="group" aria-label={t('day_laneActivity')}>
        <g class="activity" aria-hidden="true">
          {activityPaths}
        </g>
        <rect class="activity-hit" aria-hidden="true" x={GUTTER} y={activityTop} width={WIDTH - GUTTER} height={ROW} />
        {current && (
          <g class="activity-current">
            <rect
              role="button"
              tabIndex={0}
              aria-label={spanName(current.site, current, timeFormat, current.seconds)}
              x={xOf(current.start)}
              y={activityTop + 1}
              width={width(current)}
              height={ROW - 2}
            />
          </g>
        )}
      </g>
      {preview && (
        <rect class="preview" aria-hidden="true" x={xOf(preview.span.start)} y={entriesTop + rows[preview.index]! * ROW + 2} width={width(preview.span)} height={ROW - 4} rx={3} />
      )}
      {shownSelection && (
        <rect class="selection" aria-hidden="true" x={xOf(shownSelection.start)} y={entriesTop} width={width(shownSelection)} height={count * ROW} />
      )}
      {now != null && <line class="now" aria-hidden="true" x1={xOf(now)} x2={xOf(now)} y1={RULER - 6} y2={height} />}
      <rect class="gutter-edge" aria-hidden="true" x={GUTTER - 1} y={RULER} width={1} height={height - RULER} />
    </svg>
  );
}

/** One of eight hues per site, the same every day, so a site is recognised along the lane. */
function siteHue(site: string): number {
  let hash = 0;
  for (let i = 0; i < site.length; i++) hash = (hash * 31 + site.charCodeAt(i)) | 0;
  return Math.abs(hash) % 8;
}
