import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { mergeBySite } from '../../components/day/activity';
import { untrackedGaps } from '../../components/day/gaps';
import { Timeline } from '../../components/day/Timeline';
import type { DayActivity, DayEntry } from '../../lib/day/day-data';
import type { TimingFigure } from './report';
import { summarise } from './stats';

const ENTRIES = 500;
const SPANS = 5_000;
const RUNS = 15;
const SITES = ['github.com', 'gitlab.com', 'acme.atlassian.net', 'stackoverflow.com', 'trello.com', 'Slack', 'Code', 'Terminal', 'Figma', 'zoom.us'];

/** A seeded generator, so every run draws the same day. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A heavy day: entries of a few minutes to an hour from 06:00 to 22:00 (many overlapping), and activity spans back to back. */
function heavyDay(): { entries: DayEntry[]; activity: DayActivity[] } {
  const next = random(42);
  const entries: DayEntry[] = Array.from({ length: ENTRIES }, (_, i) => {
    const start = 6 * 3600 + Math.floor(next() * 16 * 3600);
    const end = start + 300 + Math.floor(next() * 3300);
    return { id: i + 1, date: '2026-11-30', taskId: i % 40, taskName: `Task ${i % 40}`, color: '#1e88e5', note: '', billable: false, locked: false, start, end, durationSeconds: end - start };
  });
  let at = 6 * 3600;
  const activity: DayActivity[] = Array.from({ length: SPANS }, () => {
    const start = at;
    at += 5 + Math.floor(next() * 10);
    return { start, end: at, site: SITES[Math.floor(next() * SITES.length)]! };
  });
  return { entries, activity };
}

/**
 * The day view's timeline drawing a day of 500 entries and 5,000 activity spans into happy-dom,
 * layout included (lanes packed, activity merged by site, gaps found), as the page does on load.
 * In Node: the same components, without the browser's paint.
 */
export async function dayTimelineDraw(): Promise<TimingFigure> {
  const window = new Window();
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = { document: globals.document, window: globals.window };
  Object.assign(globals, { document: window.document, window });
  try {
    const { entries, activity } = heavyDay();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const container = window.document.createElement('div');
      window.document.body.append(container as never);
      const started = performance.now();
      const stretches = mergeBySite(activity);
      const gaps = untrackedGaps(entries as { start: number; end: number }[], { start: 6 * 3600, end: 22 * 3600 });
      render(
        h(Timeline, { entries, attendance: null, away: [], activity: stretches, gaps, selection: null, timeFormat: '24h', onChange: () => undefined, onSelect: () => undefined }),
        container as never,
      );
      times.push(performance.now() - started);
      render(null, container as never);
      container.remove();
    }
    const { median, min, max } = summarise(times);
    return { name: `day view timeline, ${ENTRIES} entries + ${SPANS} activity spans`, median, min, max, unit: 'ms', budget: 100, how: `${RUNS} draws into happy-dom with layout, Node` };
  } finally {
    Object.assign(globals, saved);
    await window.happyDOM.close();
  }
}
