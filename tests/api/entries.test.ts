import { describe, expect, it, vi } from 'vitest';
import { createTimeCampClient } from '@/lib/api';
import { useSandbox } from './use-sandbox';

const env = useSandbox();

/** The last seven days up to the sandbox's today, as the API's dates. */
function week() {
  const today = env.sandbox.clock.localDate();
  const from = env.sandbox.clock.localDate(env.sandbox.clock.now() - 6 * 86_400_000);
  return { from, to: today, today };
}

describe('time entries', () => {
  it('lists the week with numeric durations, boolean flags and read-only invoiced entries', async () => {
    const { from, to } = week();
    const entries = await env.client().entries.list({ from, to });
    const { demo } = env.sandbox;

    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(entry.durationSeconds).toEqual(expect.any(Number));
      expect(entry.date >= from && entry.date <= to).toBe(true);
      expect(typeof entry.billable).toBe('boolean');
    }
    expect(entries.find((entry) => entry.id === demo.invoicedEntryId)).toMatchObject({ locked: true, invoiceId: demo.invoiceId });
    expect(entries.find((entry) => entry.id === demo.lockedEntryId)).toMatchObject({ locked: true, invoiceId: null });
  });

  it('lists only the entries of the given tasks', async () => {
    const { from, to } = week();
    const taskId = env.sandbox.demo.tasks.githubIssue;
    const entries = await env.client().entries.list({ from, to, taskIds: [taskId] });
    expect(entries.every((entry) => entry.taskId === taskId)).toBe(true);
  });

  it('adds a manual entry, edits its note and duration, and deletes it', async () => {
    const { today } = week();
    const entries = env.client().entries;
    const taskId = env.sandbox.demo.tasks.internalMeetings;

    const { id } = (await entries.add({ date: today, durationSeconds: 1800, taskId, note: 'Planning', startTime: '07:00:00', endTime: '07:30:00' }))!;
    const added = (await entries.list({ from: today, to: today })).find((entry) => entry.id === id);
    expect(added).toMatchObject({ durationSeconds: 1800, taskId, note: 'Planning', startTime: '07:00:00', endTime: '07:30:00' });

    const updated = await entries.update(id, { note: 'Sprint planning', durationSeconds: 2700 });
    expect(updated).toMatchObject({ id, note: 'Sprint planning', durationSeconds: 2700 });

    await entries.remove(id);
    expect((await entries.list({ from: today, to: today })).some((entry) => entry.id === id)).toBe(false);
  });

  it('refuses to edit or delete an invoiced entry', async () => {
    const entries = env.client().entries;
    const { invoicedEntryId } = env.sandbox.demo;
    await expect(entries.update(invoicedEntryId, { note: 'changed' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(entries.remove(invoicedEntryId)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(env.sandbox.state.entries.get(invoicedEntryId)!.description).not.toBe('changed');
  });

  it('lists the changes made to entries', async () => {
    const { from, to, today } = week();
    const entries = env.client().entries;
    const { id } = (await entries.add({ date: today, durationSeconds: 600, note: 'Call' }))!;

    const changes = await entries.changes({ from, to });
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.find((change) => change.entryId === id)).toMatchObject({ event: 'add', newDurationSeconds: 600 });
  });

  it('lists the entries of several tasks, and asks for extra fields as a comma list', async () => {
    const { from, to } = week();
    const { githubIssue, internalMeetings } = env.sandbox.demo.tasks;
    const entries = await env.client().entries.list({ from, to, taskIds: [githubIssue, internalMeetings], optFields: ['tags', 'breadcrumps'] });

    expect(new Set(entries.map((entry) => entry.taskId))).toEqual(new Set([githubIssue, internalMeetings]));
    const [request] = env.sandbox.requests.filter((r) => r.method === 'GET');
    expect(request!.query).toMatchObject({ task_ids: `${githubIssue},${internalMeetings}`, opt_fields: 'tags,breadcrumps' });
  });

  it('answers an edit with the whole entry: whose it is, its day, and whether it is locked', async () => {
    const { today } = week();
    const { demo } = env.sandbox;
    const entries = env.client().entries;
    const { id } = (await entries.add({ date: today, durationSeconds: 600, taskId: demo.tasks.githubIssue, note: 'Review' }))!;

    expect(await entries.update(id, { note: 'Code review' })).toMatchObject({ id, userId: demo.userId, date: today, locked: false, invoiceId: null });
    expect(await entries.update(id, { invoiceId: demo.invoiceId })).toMatchObject({ id, locked: true, invoiceId: demo.invoiceId });
  });

  it('tells whose entry changed and on which day', async () => {
    const { from, to, today } = week();
    const entries = env.client().entries;
    const { id } = (await entries.add({ date: today, durationSeconds: 600, note: 'Call' }))!;

    const change = (await entries.changes({ from, to })).find((c) => c.entryId === id);
    expect(change).toMatchObject({ userId: env.sandbox.demo.userId, date: today });
  });
});

describe('locked entries, whatever the server generation says', () => {
  /** A client whose every request is answered with `answer`. */
  function answering(answer: unknown) {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } }));
    return createTimeCampClient({ token: 'secret', baseUrl: env.sandbox.url, fetch }).entries;
  }
  const row = { duration: '600', user_id: '5', date: '2026-11-27' };

  it('takes an invoiced entry as locked even when its locked flag says no', async () => {
    const entries = await answering([
      { ...row, id: 1, locked: '0', invoiceId: '7' },
      { ...row, id: 2, locked: '1', invoiceId: '0' },
      { ...row, id: 3, locked: '0', invoiceId: '0' },
    ]).list({ from: '2026-11-27', to: '2026-11-27' });
    expect(entries.map((entry) => [entry.id, entry.locked])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
  });

  it('does the same for the answer to an edit', async () => {
    expect(await answering({ entry_id: '1', locked: '0', invoiceId: '7' }).update(1, { note: 'x' })).toMatchObject({ locked: true, invoiceId: 7 });
    expect(await answering({ entry_id: '2', locked: '1', invoiceId: '0' }).update(2, { note: 'x' })).toMatchObject({ locked: true, invoiceId: null });
    expect(await answering({ entry_id: '3', locked: '0', invoiceId: '0' }).update(3, { note: 'x' })).toMatchObject({ locked: false, userId: null, date: null });
  });
});
