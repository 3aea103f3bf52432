// Parameters TimeCamp's description documents as booleans take `true`/`false` only (text in a
// query or form, JSON booleans in a JSON body); those it documents as 0/1 take 0/1 only. No
// founding-document request (seed-examples.test.ts) sends 1/0 for a boolean, so no leniency is kept.
import { describe, expect, it } from 'vitest';
import { json, type Row, TODAY, useSandbox } from './harness.ts';

const h = useSandbox();
const WEEK = { from: '2024-06-06', to: TODAY };

/** Every boolean GET entries documents, whether or not the sandbox acts on it. */
const ENTRY_FLAGS = [
  'billable',
  'approvalMode',
  'include_project',
  'include_rates',
  'with_subtasks',
  'ignoreInvoiced',
  'round_duration',
  'active_only',
];

async function expectRefused(response: Response, message: string): Promise<void> {
  expect(response.status).toBe(400);
  expect(await json(response)).toEqual({ message });
}

describe('query booleans', () => {
  it.each(ENTRY_FLAGS)('GET entries takes %s=true/false and refuses 1, 0 and other spellings', async (flag) => {
    for (const value of ['true', 'false']) expect((await h.get('entries', { ...WEEK, [flag]: value })).status).toBe(200);
    for (const value of ['1', '0', 'yes', 'TRUE']) {
      await expectRefused(await h.get('entries', { ...WEEK, [flag]: value }), `${flag} must be true or false`);
    }
  });

  it('GET entries filters and adds fields by the text values', async () => {
    const billable = await json<Row[]>(await h.get('entries', { ...WEEK, billable: 'true' }));
    const notBillable = await json<Row[]>(await h.get('entries', { ...WEEK, billable: 'false' }));
    expect(billable.length).toBeGreaterThan(0);
    expect(notBillable.length).toBeGreaterThan(0);
    expect(billable.every((e) => e.billable === 1)).toBe(true);
    expect(notBillable.every((e) => e.billable === 0)).toBe(true);
    const [withProject] = await json<Row[]>(await h.get('entries', { ...WEEK, include_project: 'true' }));
    expect(withProject).toHaveProperty('project_id');
  });

  it('GET tasks takes ignoreAdminRights=true/false only', async () => {
    expect((await h.get('tasks', { ignoreAdminRights: 'true' })).status).toBe(200);
    await expectRefused(await h.get('tasks', { ignoreAdminRights: '1' }), 'ignoreAdminRights must be true or false');
  });

  it('GET users takes active_only=true/false only', async () => {
    expect((await h.get('users', { active_only: 'true' })).status).toBe(200);
    await expectRefused(await h.get('users', { active_only: '1' }), 'active_only must be true or false');
  });
});

describe('body booleans', () => {
  const entryCount = () => h.sandbox.state.entries.size;

  it('POST entries takes billable as text in a form and refuses 1/0, creating nothing', async () => {
    const before = entryCount();
    const post = (billable: string | number) => h.send('POST', 'entries', { date: TODAY, duration: 60, billable });
    await expectRefused(await post(1), 'billable must be true or false');
    expect(entryCount()).toBe(before);
    const created = await json<{ entry_id: number }>(await post('true'));
    expect(h.sandbox.state.entries.get(created.entry_id)?.billable).toBe(true);
  });

  it('POST entries takes billable as a JSON boolean in a JSON body, not as text or a number', async () => {
    const post = (billable: unknown) => h.send('POST', 'entries', {}, { json: { date: TODAY, duration: 60, billable } });
    const created = await json<{ entry_id: number }>(await post(false));
    expect(h.sandbox.state.entries.get(created.entry_id)?.billable).toBe(false);
    const before = entryCount();
    for (const value of ['true', 1]) await expectRefused(await post(value), 'billable must be true or false');
    expect(entryCount()).toBe(before);
  });

  it('PUT entries refuses billable=1 and leaves the entry as it was, note included', async () => {
    const { entry_id: id } = await json<{ entry_id: number }>(
      await h.send('POST', 'entries', { date: TODAY, duration: 60, note: 'kept' }),
    );
    const before = { ...h.sandbox.state.entries.get(id) };
    await expectRefused(await h.send('PUT', 'entries', { id, note: 'changed', billable: 1 }), 'billable must be true or false');
    expect(h.sandbox.state.entries.get(id)).toEqual(before);
    expect(await json(await h.send('PUT', 'entries', { id, billable: 'true' }))).toMatchObject({ billable: '1', note: 'kept' });
  });
});

describe('parameters documented as 0/1 keep 0/1', () => {
  it('GET tasks takes minimal=1 and refuses minimal=true', async () => {
    const minimal = await json<Record<string, Row>>(await h.get('tasks', { minimal: 1 }));
    expect(Object.keys(Object.values(minimal)[0] ?? {})).not.toContain('perms');
    await expectRefused(await h.get('tasks', { minimal: 'true' }), 'minimal must be 0 or 1');
  });

  it('POST tasks takes billable=0/1 and refuses true/false, creating nothing', async () => {
    const before = h.sandbox.state.tasks.size;
    await expectRefused(await h.send('POST', 'tasks', { name: 'Flagged', billable: 'false' }), 'billable must be 0 or 1');
    expect(h.sandbox.state.tasks.size).toBe(before);
    const created = await json<Record<string, Row>>(await h.send('POST', 'tasks', { name: 'Flagged', billable: 0 }));
    expect(Object.values(created)[0]).toMatchObject({ billable: '0' });
    const viaJson = await json<Record<string, Row>>(await h.send('POST', 'tasks', {}, { json: { name: 'Typed', billable: 1 } }));
    expect(Object.values(viaJson)[0]).toMatchObject({ billable: '1' });
  });

  it('PUT tasks takes archived=0/1 and refuses true, leaving the task as it was', async () => {
    const taskId = h.sandbox.demo.tasks.internalMeetings;
    const task = h.sandbox.state.tasks.get(taskId);
    const before = { ...task };
    const refused = await h.send('PUT', 'tasks', { task_id: taskId, name: 'Renamed', archived: 'true' });
    await expectRefused(refused, 'archived must be 0 or 1');
    expect(h.sandbox.state.tasks.get(taskId)).toEqual(before);
    expect(await json(await h.send('PUT', 'tasks', { task_id: taskId, archived: 1 }))).toMatchObject({ archived: '1' });
  });
});
