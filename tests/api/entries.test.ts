import { describe, expect, it } from 'vitest';
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
});
