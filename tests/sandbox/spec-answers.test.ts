// The sandbox answers exactly what TimeCamp's OpenAPI description documents, so a client that
// leans on a field or a behaviour the description does not promise fails here first.
import { describe, expect, it } from 'vitest';
import { json, type Row, TODAY, useSandbox } from './harness.ts';

const h = useSandbox();
const timer = (fields: Record<string, string | number>, token?: string) => h.send('POST', 'timer', fields, { token });

async function startTimer(): Promise<{ new_timer_id: number; entry_id: number }> {
  const response = await timer({ action: 'start', task_id: h.sandbox.demo.tasks.githubIssue });
  expect(response.status).toBe(200);
  return json(response);
}

describe('timer status', () => {
  it('answers a running timer with the documented fields only', async () => {
    const started = await startTimer();
    h.advance(55_000);
    expect(await json(await timer({ action: 'status' }))).toEqual({
      isTimerRunning: true,
      elapsed: 55,
      entry_id: String(started.entry_id),
      timer_id: String(started.new_timer_id),
      start_time: `${TODAY} 14:30:00`,
    });
  });

  it('answers a stopped timer with isTimerRunning and elapsed only', async () => {
    expect(await json(await timer({ action: 'status' }))).toEqual({ isTimerRunning: false, elapsed: 0 });
  });
});

describe('timer stop', () => {
  const notAllowed = { message: 'This action is not allowed.' };

  it('answers the documented 400 when nothing runs, and changes nothing', async () => {
    const entries = h.sandbox.state.entries.size;
    const response = await timer({ action: 'stop' });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual(notAllowed);
    expect(h.sandbox.state.entries.size).toBe(entries);
  });

  it('stops whatever runs when no timer_id is given, answering exactly {elapsed, entry_id, entry_time}', async () => {
    const started = await startTimer();
    h.advance(224_000);
    expect(await json(await timer({ action: 'stop' }))).toEqual({
      elapsed: 224,
      entry_id: String(started.entry_id),
      entry_time: 224,
    });
    expect(h.sandbox.state.timers.has(h.sandbox.demo.userId)).toBe(false);
    expect(h.sandbox.state.entries.get(started.entry_id)).toMatchObject({ duration: 224, end_time: '14:33:44' });
  });

  it("keeps the founding document's timer_id (a leniency): naming the running timer stops it", async () => {
    const started = await startTimer();
    h.advance(60_000);
    const response = await timer({ action: 'stop', timer_id: started.new_timer_id });
    expect(await json(response)).toEqual({ elapsed: 60, entry_id: String(started.entry_id), entry_time: 60 });
  });

  it('refuses a timer_id that names a stopped timer, and leaves the running one alone', async () => {
    const first = await startTimer();
    h.advance(60_000);
    await json(await timer({ action: 'stop' }));
    const second = await startTimer();
    h.advance(60_000);

    // A replay of the first stop (say, after its answer was lost) must not end the second timer.
    const replay = await timer({ action: 'stop', timer_id: first.new_timer_id });
    expect(replay.status).toBe(400);
    expect(await json(replay)).toEqual(notAllowed);
    expect(h.sandbox.state.timers.get(h.sandbox.demo.userId)?.timer_id).toBe(second.new_timer_id);
    expect(h.sandbox.state.entries.get(first.entry_id)?.duration).toBe(60);
    expect(await json(await timer({ action: 'status' }))).toMatchObject({ isTimerRunning: true, elapsed: 60 });
  });

  it("refuses an unknown timer_id, or another user's, and changes nothing", async () => {
    await startTimer();
    const jan = h.sandbox.state.timers.get(h.sandbox.demo.users.manager);
    for (const timerId of [99_999, jan?.timer_id as number]) {
      const response = await timer({ action: 'stop', timer_id: timerId });
      expect(response.status, `timer_id ${timerId}`).toBe(400);
      expect(await json(response)).toEqual(notAllowed);
    }
    expect(h.sandbox.state.timers.has(h.sandbox.demo.userId)).toBe(true);
    expect(h.sandbox.state.timers.get(h.sandbox.demo.users.manager)).toBe(jan);
  });
});

describe('GET entries: whose entries', () => {
  const userIdsOf = async (query: Record<string, string>, token?: string) => {
    const rows = await json<Row[]>(await h.get('entries', { from: '2024-06-06', to: TODAY, ...query }, token));
    return [...new Set(rows.map((r) => r.user_id))].sort();
  };

  it("without user_ids answers everyone's a time-tracking administrator may see", async () => {
    const { userId, users } = h.sandbox.demo;
    expect(await userIdsOf({})).toEqual([userId, users.noCreate, users.manager].map(String).sort());
  });

  it('without user_ids answers only their own to a regular user', async () => {
    const marta = h.sandbox.demo.users.noCreate;
    expect(await userIdsOf({}, h.tokenOf(marta))).toEqual([String(marta)]);
  });

  it("with user_ids=me answers the caller's own", async () => {
    expect(await userIdsOf({ user_ids: 'me' })).toEqual([String(h.sandbox.demo.userId)]);
  });
});

describe('entry changes answer what the spec documents', () => {
  const createEntry = async () =>
    (await json<{ entry_id: number }>(await h.send('POST', 'entries', { date: TODAY, duration: 1800, note: 'spec' }))).entry_id;

  it('PUT answers exactly the documented fields', async () => {
    const id = await createEntry();
    const changed = await json(await h.send('PUT', 'entries', { id, duration: 3600, note: 'changed' }));
    expect(changed).toEqual({
      time_span: 3600,
      entry_id: String(id),
      user_id: String(h.sandbox.demo.userId),
      date: TODAY,
      task_id: '0',
      locked: '0',
      last_modify: `${TODAY} 14:30:00`,
      note: 'changed',
      start_time_hour: '00:00:00',
      end_time_hour: '01:00:00',
      invoiceId: '0',
      billable: '0',
    });
  });

  it('PUT takes start_time and end_time, not the start and end that POST documents', async () => {
    const id = await createEntry();
    const changed = await json(await h.send('PUT', 'entries', { id, start: '09:00:00', end: '10:00:00' }));
    expect(changed).toMatchObject({ start_time_hour: '00:00:00', end_time_hour: '00:30:00', time_span: 1800 });
    const moved = await json(await h.send('PUT', 'entries', { id, start_time: '09:00:00', end_time: '10:00:00' }));
    expect(moved).toMatchObject({ start_time_hour: '09:00:00', end_time_hour: '10:00:00', time_span: 3600 });
  });

  it('DELETE answers {"message":"removed"}, and 204 without a body when there is no such entry', async () => {
    const id = await createEntry();
    const removed = await h.send('DELETE', 'entries', { id });
    expect(removed.status).toBe(200);
    expect(await json(removed)).toEqual({ message: 'removed' });
    const again = await h.send('DELETE', 'entries', { id });
    expect(again.status).toBe(204);
    expect(await again.text()).toBe('');
  });
});
