// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { Timeline, type TimelineProps } from '@/components/day/Timeline';
import { mergeBySite } from '@/components/day/activity';
import { xOf } from '@/components/day/layout';
import { allByRole, byRole, mount, nameOf, usePopupTestBrowser } from '../popup/harness';
import { dayEntry, drag, h, key, tap, timelineOf } from './harness';

usePopupTestBrowser();

function draw(props: Partial<TimelineProps> = {}) {
  const onChange = vi.fn();
  const onSelect = vi.fn();
  const root = mount(
    <Timeline entries={[]} attendance={null} away={[]} activity={[]} gaps={[]} selection={null} timeFormat="24h" onChange={onChange} onSelect={onSelect} {...props} />,
  );
  return { root, svg: timelineOf(root), onChange, onSelect };
}

const box = (element: Element) => ({ x: Number(element.getAttribute('x')), y: Number(element.getAttribute('y')), width: Number(element.getAttribute('width')), height: Number(element.getAttribute('height')) });

describe('the timeline', () => {
  it('has a labelled lane for entries, attendance, time away and activity', () => {
    const { root } = draw({
      entries: [dayEntry({ id: 1 })],
      attendance: { start: h(8), end: h(16), workedSeconds: h(7.75) },
      away: [{ start: h(12), end: h(12.5), description: 'Lunch' }],
      activity: mergeBySite([{ start: h(9), end: h(9.5), site: 'github.com' }]),
    });
    expect(nameOf(byRole(root, 'group', 'Timeline of the day'))).toBe('Timeline of the day');
    const lanes = ['Entries', 'Attendance', 'Away', 'Activity'];
    for (const lane of lanes) expect(byRole(root, 'group', lane).children.length).toBeGreaterThan(0);
    expect(allByRole(byRole(root, 'group', 'Attendance'), 'img').map(nameOf)).toEqual(['At work, 08:00–16:00, 7 h 45 min']);
    expect(allByRole(byRole(root, 'group', 'Away'), 'img').map(nameOf)).toEqual(['Away: Lunch, 12:00–12:30, 30 min']);
    expect(allByRole(byRole(root, 'group', 'Activity'), 'button').map(nameOf)).toEqual(['github.com, 09:00–09:30, 30 min']);
  });

  it('names each entry by its task, times and length', () => {
    const { root } = draw({ entries: [dayEntry({ id: 1, taskName: 'Design review', start: h(9), end: h(10.5), durationSeconds: 5400 }), dayEntry({ id: -1, waitingId: 'a1', start: h(11), end: h(11.25), durationSeconds: 900 })] });
    expect(allByRole(byRole(root, 'group', 'Entries'), 'button').map(nameOf)).toEqual(['Design review, 09:00–10:30, 1 h 30 min', 'Meetings, 11:00–11:15, 15 min, waiting to be sent']);
  });

  it('stacks overlapping entries in rows of their own, so none covers another', () => {
    const { root } = draw({
      entries: [dayEntry({ id: 1, start: h(9), end: h(10.5) }), dayEntry({ id: 2, taskName: 'Admin', start: h(10), end: h(11) }), dayEntry({ id: 3, taskName: 'Review', start: h(10.5), end: h(12) })],
    });
    const [first, second, third] = allByRole(byRole(root, 'group', 'Entries'), 'button').map(box);
    // The overlapping pair sits in two rows, one above the other; the third fits back in the first row.
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    expect(third!.y).toBe(first!.y);
    expect(third!.x).toBeGreaterThanOrEqual(first!.x + first!.width);
  });

  it('clips an entry across midnight to the day and names it with its own times', () => {
    const { root } = draw({ entries: [dayEntry({ id: 1, date: '2026-11-29', taskName: 'Night shift', start: -h(2), end: h(1.5), durationSeconds: h(3.5) })] });
    const block = byRole(root, 'button', 'Night shift, 22:00–01:30, 3 h 30 min');
    expect(box(block).x).toBe(xOf(0));
    expect(box(block).width).toBe(xOf(h(1.5)) - xOf(0));
  });

  it('moves an entry by five minutes a press, moves its end with Shift, and saves on Enter', () => {
    const entry = dayEntry({ id: 1, taskName: 'Design review', start: h(9), end: h(10.5), durationSeconds: 5400 });
    const { root, onChange } = draw({ entries: [entry] });
    const block = byRole(root, 'button', 'Design review, 09:00–10:30, 1 h 30 min');

    key(block, 'ArrowRight');
    key(block, 'ArrowRight');
    key(block, 'ArrowRight', true);
    expect(onChange).not.toHaveBeenCalled();
    key(block, 'Enter');

    expect(onChange).toHaveBeenCalledExactlyOnceWith(entry, { start: h(9) + 600, end: h(10.5) + 900 });
  });

  it('forgets a keyboard move on Escape', () => {
    const { root, onChange } = draw({ entries: [dayEntry({ id: 1 })] });
    const block = byRole(root, 'button', 'Meetings, 09:00–10:00, 1 h');
    key(block, 'ArrowLeft');
    key(block, 'Escape');
    key(block, 'Enter');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('leaves a locked entry where it is', () => {
    const { root, onChange } = draw({ entries: [dayEntry({ id: 1, locked: true })] });
    const block = byRole(root, 'button', 'Meetings, 09:00–10:00, 1 h, locked');
    key(block, 'ArrowRight');
    key(block, 'Enter');
    drag(block, h(9.5), h(11));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('moves an entry dragged by its body and resizes one dragged by its end, to five minutes', () => {
    const entry = dayEntry({ id: 1 });
    const { root, onChange } = draw({ entries: [entry] });
    const block = byRole(root, 'button', 'Meetings, 09:00–10:00, 1 h');

    drag(block, h(9.5), h(9.5) + 1750);
    expect(onChange).toHaveBeenLastCalledWith(entry, { start: h(9.5), end: h(10.5) });

    drag(block, h(10), h(10.75) + 50);
    expect(onChange).toHaveBeenLastCalledWith(entry, { start: h(9), end: h(10.75) });
  });

  it('selects a range dragged across empty time, and a gap or a stretch of activity picked', () => {
    const gap = { start: h(12), end: h(13) };
    const activity = mergeBySite([{ start: h(14), end: h(14.5), site: 'github.com' }]);
    const { root, svg, onSelect } = draw({ gaps: [gap], activity });

    drag(svg, h(15) + 100, h(16) - 100);
    expect(onSelect).toHaveBeenLastCalledWith({ start: h(15), end: h(16) });

    const untracked = byRole(root, 'button', 'Untracked, 12:00–13:00, 1 h');
    tap(untracked, h(12.5));
    expect(onSelect).toHaveBeenLastCalledWith(gap);

    // Part of a gap, dragged across: the click that ends the drag does not pick the whole gap.
    drag(untracked, h(12.25), h(12.75));
    untracked.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith({ start: h(12.25), end: h(12.75) });

    key(byRole(root, 'button', 'github.com, 14:00–14:30, 30 min'), 'Enter');
    expect(onSelect).toHaveBeenLastCalledWith(activity[0]);
  });

  it('walks the activity lane one stretch at a time with the arrows, and picks one by pointer or Enter', () => {
    const activity = mergeBySite([
      { start: h(9), end: h(9.5), site: 'github.com' },
      { start: h(9.5), end: h(10), site: 'Slack' },
      { start: h(10), end: h(10.25), site: 'figma.com' },
    ]);
    const onPreview = vi.fn();
    const { root, onSelect } = draw({ activity, onPreview });
    const lane = () => byRole(byRole(root, 'group', 'Activity'), 'button');
    expect(nameOf(lane())).toBe('github.com, 09:00–09:30, 30 min');

    key(lane(), 'ArrowRight');
    key(lane(), 'ArrowRight');
    expect(nameOf(lane())).toBe('figma.com, 10:00–10:15, 15 min');
    expect(onPreview).toHaveBeenLastCalledWith('figma.com, 10:00–10:15, 15 min');
    key(lane(), 'ArrowLeft');
    key(lane(), 'Enter');
    expect(onSelect).toHaveBeenLastCalledWith(activity[1]);

    tap(root.querySelector('.activity-hit')!, h(9.25));
    expect(onSelect).toHaveBeenLastCalledWith(activity[0]);
  });
});
