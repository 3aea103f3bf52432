import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DayData } from '@/lib/day/day-data';
import { registerBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { createTaskService } from '@/lib/tasks/service';
import { createTimerService } from '@/lib/timer/service';
import { contentScript, deliver, message, popupPage } from '../messaging/deliver';
import { useTimerHarness } from '../timer/harness';

const h = useTimerHarness();
let unregister: () => void;

beforeEach(() => {
  const tasks = createTaskService({ now: () => h.env.sandbox.clock.now() });
  unregister = registerBackgroundHandlers({ tasks, timer: createTimerService({ lookupTask: tasks.lookupTask, now: () => h.env.sandbox.clock.now() }) });
});
afterEach(() => unregister());

/** The day before the harness's "today" (T0, a Friday) in the sandbox account's zone: a whole working day, lunch break included. */
const DATE = '2026-11-26';

async function loadDay(date = DATE): Promise<DayData> {
  const answer = (await deliver(message('loadDay', { date }), popupPage())) as { res?: DayData; err?: unknown };
  if (!answer.res) throw new Error(`loadDay refused: ${JSON.stringify(answer.err)}`);
  return answer.res;
}

const apiRequests = () => h.env.sandbox.requests.filter((request) => request.method !== 'OPTIONS');

describe('loadDay against the sandbox', () => {
  it('asks TimeCamp once per section, all of them for the one day', async () => {
    h.env.sandbox.requests.length = 0;
    const day = await loadDay();

    const asked = apiRequests().map((request) => `${request.method} ${request.resource}`);
    // Activity rows name their application by id: the names are the activity section's second request.
    expect(asked.sort()).toEqual(['GET activity', 'GET application', 'GET attendance', 'GET away_time', 'GET entries']);
    expect(day.date).toBe(DATE);
    expect(day.unavailable).toEqual([]);
    expect(day.attendance).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
    expect(day.away.length).toBeGreaterThan(0);
    expect(day.activity.map((span) => span.site)).toContain('github.com');
  });

  it("lists only the user's own entries, though an administrator may see colleagues'", async () => {
    const day = await loadDay();

    const entriesRequest = apiRequests().find((request) => request.resource === 'entries')!;
    expect(entriesRequest.query).toMatchObject({ user_ids: 'me' });
    const owners = new Set(day.entries.map((entry) => h.env.sandbox.state.entries.get(entry.id)?.user_id));
    expect(owners).toEqual(new Set([h.env.sandbox.demo.userId]));
    const colleagues = [...h.env.sandbox.state.entries.values()].filter((entry) => entry.date === DATE && entry.user_id !== h.env.sandbox.demo.userId);
    expect(colleagues.length).toBeGreaterThan(0);
    expect(day.entries.length).toBe([...h.env.sandbox.state.entries.values()].filter((entry) => entry.date === DATE && entry.user_id === h.env.sandbox.demo.userId).length);
  });

  it('shows an entry the queue holds back, marked as waiting, at the times the user gave', async () => {
    // TimeCamp answers the add with a 503 once: the entry waits in the queue for its next try.
    h.env.sandbox.faults.failNext(1, 503);
    const added = { date: DATE, startTime: '12:35:00', endTime: '12:55:00', durationSeconds: 1200, taskId: h.env.sandbox.demo.tasks.internalMeetings, note: 'Planning' };
    expect(await deliver(message('addEntry', added), popupPage())).toEqual({ res: undefined });
    await vi.waitFor(() => expect(h.env.sandbox.requests.some((request) => request.method === 'POST' && request.resource === 'entries' && request.status === 503)).toBe(true));

    const day = await loadDay();
    expect(day.entries.filter((entry) => entry.waitingId !== undefined)).toEqual([
      expect.objectContaining({ date: DATE, start: 12 * 3600 + 35 * 60, end: 12 * 3600 + 55 * 60, note: 'Planning', taskId: added.taskId }),
    ]);
    expect(h.newEntries()).toEqual([]);
  });

  it('is refused to a tracker page, and for a malformed day', async () => {
    expect(await deliver(message('loadDay', { date: DATE }), contentScript())).toEqual({ err: expect.objectContaining({ message: expect.stringMatching(/only the extension's own pages/) }) });
    expect(await deliver(message('loadDay', { date: 'yesterday' }), popupPage())).toEqual({ err: expect.objectContaining({ message: expect.stringMatching(/loadDay: invalid payload \(date\)/) }) });
  });
});
