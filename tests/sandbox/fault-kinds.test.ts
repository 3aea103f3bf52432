// The two answers a server generation other than the described one may give: a 200 of another
// shape after doing the work, and a refusal carried by a 200 with nothing done.
import { describe, expect, it } from 'vitest';
import { json, type Row, TODAY, useSandbox } from './harness.ts';

const h = useSandbox();
const newEntry = () => h.send('POST', 'entries', { date: TODAY, duration: 600, note: 'fault kind' });
const faultEntries = () => [...h.sandbox.state.entries.values()].filter((e) => e.description === 'fault kind');
const lastFault = () => h.sandbox.requests.at(-1)?.fault;
const control = (path: string, body?: unknown) =>
  fetch(`${h.sandbox.controlUrl}${path}`, body === undefined ? undefined : { method: 'POST', body: JSON.stringify(body) });

describe("malformNext(n, 'other-shape')", () => {
  it('applies the request and answers {} where an object with fields was due', async () => {
    h.sandbox.faults.malformNext(2, 'other-shape');
    const created = await newEntry();
    expect(created.status).toBe(200);
    expect(await json(created)).toEqual({});
    expect(faultEntries()).toHaveLength(1);
    expect(lastFault()).toBe('malform other-shape');

    // POST tasks answers 201 with the new task keyed by its id; the other shape is a bare 200.
    const before = h.sandbox.state.tasks.size;
    const task = await h.send('POST', 'tasks', { name: 'Other shape' });
    expect(task.status).toBe(200);
    expect(await json(task)).toEqual({});
    expect(h.sandbox.state.tasks.size).toBe(before + 1);
  });

  it('answers {"message":"OK"} where a list or no body was due', async () => {
    h.sandbox.faults.malformNext(2, 'other-shape');
    expect(await json(await h.get('users'))).toEqual({ message: 'OK' });
    await h.send('POST', 'timer', { action: 'start' });
    h.sandbox.faults.malformNext(1, 'other-shape');
    const discarded = await h.send('DELETE', 'timer');
    expect(await json(discarded)).toEqual({ message: 'OK' });
    expect(h.sandbox.state.timers.has(h.sandbox.demo.userId)).toBe(false);
  });
});

describe("malformNext(n, 'error-in-ok')", () => {
  it("does not apply the request and answers 200 with the founding document's error body, code 401 by default", async () => {
    h.sandbox.faults.malformNext(1, 'error-in-ok');
    const refused = await newEntry();
    expect(refused.status).toBe(200);
    expect(await json(refused)).toEqual({ message: 'Unauthorized', code: 401 });
    expect(faultEntries()).toHaveLength(0);
    expect(lastFault()).toBe('malform error-in-ok 401');
    expect((await newEntry()).status).toBe(200);
    expect(faultEntries()).toHaveLength(1);
  });

  it('takes the code and the message', async () => {
    h.sandbox.faults.malformNext(1, 'error-in-ok', { code: 403, message: 'You cannot track time to this task' });
    const refused = await h.send('POST', 'timer', { action: 'start' });
    expect(await json(refused)).toEqual({ message: 'You cannot track time to this task', code: 403 });
    expect(h.sandbox.state.timers.has(h.sandbox.demo.userId)).toBe(false);
  });

  it('refuses a code or message for the other kinds', () => {
    expect(() => h.sandbox.faults.malformNext(1, 'html', { code: 401 })).toThrow(RangeError);
    expect(() => h.sandbox.faults.malformNext(1, 'error-in-ok', { code: 4.5 })).toThrow(RangeError);
  });
});

describe('the control endpoint', () => {
  it('injects both kinds and reports them', async () => {
    const status = await json<{ malform: Row }>(
      await control('/faults', { malformNext: { n: 1, kind: 'error-in-ok', code: 429, message: 'Slow down' } }),
    );
    expect(status.malform).toEqual({ remaining: 1, kind: 'error-in-ok', error: { message: 'Slow down', code: 429 } });
    expect(await json(await newEntry())).toEqual({ message: 'Slow down', code: 429 });
    expect(faultEntries()).toHaveLength(0);

    await control('/faults', { malformNext: { n: 1, kind: 'other-shape' } });
    expect(await json(await newEntry())).toEqual({});
    expect(faultEntries()).toHaveLength(1);
  });

  it('answers 400 for a code on another kind', async () => {
    const bad = await control('/faults', { malformNext: { n: 1, kind: 'xml', code: 401 } });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toEqual({ error: 'code and message apply to error-in-ok only' });
  });
});
