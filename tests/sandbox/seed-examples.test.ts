// The sandbox answers requests written the way the founding document (TimeCamp's API README)
// writes them, honours every transport TimeCamp accepts, behaves like TimeCamp where the extension
// depends on it, and injects each fault it promises.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LARGE_TASK_COUNT, type Sandbox, startSandbox } from './index.ts';

// Wednesday 12 June 2024, 14:30 in Warsaw (UTC+2).
const START = Date.UTC(2024, 5, 12, 12, 30, 0);
let now = START;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => now });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  now = START;
  sandbox.reset();
});

const TODAY = '2024-06-12';
const api = (path: string, init?: RequestInit) => fetch(`${sandbox.url}${path}`, init);
const bearer = (token = sandbox.token) => ({ Authorization: `Bearer ${token}` });
const tokenOf = (userId: number) => sandbox.users.find((u) => u.user_id === userId)?.token as string;
const lastRequest = () => sandbox.requests.at(-1);

function formInit(method: string, fields: Record<string, string | number>, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
  };
}

async function json<T>(response: Response): Promise<T> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

type Row = Record<string, unknown>;

describe('requests as the founding document writes them', () => {
  it('lists tasks with format and token as path pairs', async () => {
    const response = await api(`/tasks/format/json/api_token/${sandbox.token}`);
    expect(response.status).toBe(200);
    const tasks = await json<Record<string, Row>>(response);
    expect(tasks[sandbox.demo.tasks.githubIssue]).toMatchObject({
      task_id: String(sandbox.demo.tasks.githubIssue),
      name: 'Fix login redirect',
      external_task_id: 'github_issue_octo/hello-world#12',
      archived: '0',
    });
    expect(lastRequest()).toMatchObject({ tokenSource: 'path', format: 'json', resource: 'tasks', status: 200 });
  });

  it('answers XML when no format is asked for', async () => {
    const id = sandbox.demo.tasks.githubIssue;
    const response = await api(`/tasks/api_token/${sandbox.token}/task_id/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const text = await response.text();
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text).toContain(`<item key="${id}"><task_id>${id}</task_id>`);
    expect(text).toContain('<name>Fix login redirect</name>');
    expect(text).toContain('<external_parent_id/>');
  });

  it('reads GET parameters from path pairs', async () => {
    const demo = sandbox.demo.userId;
    const path = `/entries/format/json/api_token/${sandbox.token}/from/2024-06-10/to/${TODAY}/user_ids/${demo}`;
    const entries = await json<Row[]>(await api(path));
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(entry.user_id).toBe(String(demo));
      expect(entry.date).toMatch(/^2024-06-1[0-2]$/);
    }
  });

  it('names computer activities through application and window_title', async () => {
    const t = sandbox.token;
    const activities = await json<Row[]>(
      await api(`/activity/format/json/api_token/${t}/date/${TODAY}/user_id/${sandbox.demo.userId}`),
    );
    expect(activities.length).toBeGreaterThan(5);
    const appIds = [...new Set(activities.map((a) => a.application_id))].join(',');
    const titleIds = [...new Set(activities.map((a) => a.window_title_id))].join(',');
    const apps = await json<Record<string, Row>>(await api(`/application/format/json/api_token/${t}/application_ids/${appIds}`));
    expect(Object.values(apps)).toContainEqual(expect.objectContaining({ app_name: 'Internet', aditional_info: 'github.com' }));
    const titles = await json<Record<string, Row>>(
      await api(`/window_title/format/json/api_token/${t}`, formInit('POST', { window_title_ids: titleIds })),
    );
    expect(Object.keys(titles).sort()).toEqual(titleIds.split(',').sort());
    for (const title of Object.values(titles)) expect(title.window_title).toMatch(/\S/);
  });

  it('runs the timer with the token and fields in a form body', async () => {
    const started = await json<Row>(
      await api('/timer/format/json', formInit('POST', {
        api_token: sandbox.token,
        action: 'start',
        task_id: sandbox.demo.tasks.jiraIssue,
        entry_id: 'create',
        started_at: '2024-06-12 14:00:00',
      })),
    );
    expect(lastRequest()?.tokenSource).toBe('body');
    expect(started).toEqual({ new_timer_id: expect.any(Number), entry_id: expect.any(Number) });

    const status = await json<Row>(
      await api('/timer/format/json', formInit('POST', { api_token: sandbox.token, action: 'status' })),
    );
    expect(status).toEqual({
      isTimerRunning: true,
      elapsed: 1800,
      entry_id: String(started.entry_id),
      timer_id: String(started.new_timer_id),
      start_time: '2024-06-12 14:00:00',
    });

    // `timer_id` on stop is the founding document's (a leniency): it names the running timer here.
    const stopped = await json<Row>(
      await api('/timer/format/json', formInit('POST', {
        api_token: sandbox.token,
        action: 'stop',
        timer_id: started.new_timer_id as number,
        stopped_at: '2024-06-12 14:20:00',
      })),
    );
    expect(stopped).toEqual({ elapsed: 1200, entry_id: String(started.entry_id), entry_time: 1200 });
    expect(sandbox.state.entries.get(started.entry_id as number)).toMatchObject({
      start_time: '14:00:00',
      end_time: '14:20:00',
      duration: 1200,
    });
  });

  it('creates a task from form fields, keyed by its new id', async () => {
    const parent = sandbox.demo.tasks.internalMeetings;
    const marta = sandbox.demo.users.noCreate;
    const response = await api('/tasks/format/json', formInit('POST', {
      api_token: sandbox.token,
      name: 'Quarterly planning',
      keywords: 'planning, Q3',
      parent_id: parent,
      user_ids: String(marta),
      role: 3,
    }));
    expect(response.status).toBe(201);
    const created = await json<Record<string, Row>>(response);
    const [id, task] = Object.entries(created)[0] as [string, Row];
    expect(task).toMatchObject({
      task_id: id,
      parent_id: String(parent),
      name: 'Quarterly planning',
      level: '4',
      keywords: 'planning, Q3',
    });
    expect(sandbox.state.tasks.get(Number(id))?.roles[marta]).toBe(3);
  });

  it('serves attendance and away time (XML by default)', async () => {
    const attendance = await (await api(`/attendance/api_token/${sandbox.token}/from/2024-06-10/to/${TODAY}`)).text();
    expect(attendance).toMatch(/<item><user_id>1001<\/user_id><user_name>Alex Rivera<\/user_name><start_time>\d\d:\d\d:\d\d</);
    expect(attendance).toContain('<total_time>');
    const away = await json<Row[]>(
      await api(`/away_time/format/json/api_token/${sandbox.token}/from/2024-06-10/to/${TODAY}/users/1001`),
    );
    expect(away).toContainEqual(
      expect.objectContaining({ user_id: '1001', start_time: `${TODAY} 12:30:00`, end_time: `${TODAY} 13:00:00`, duration: '1800' }),
    );
  });

  it('adds clients with PUT and modifies them with POST, as TimeCamp does', async () => {
    const t = sandbox.token;
    const fields = { organizationName: 'Time Solutions Sp. z o.o.', firstName: 'Kamil', lastName: 'Rudnicki', email: 'k@example.com' };
    const added = await json<Row[]>(await api(`/client/format/json/api_token/${t}`, formInit('PUT', fields)));
    const clientId = added[0]?.clientId as number;
    expect(typeof clientId).toBe('number');
    const modified = await json<Row[]>(
      await api(`/client/format/json/api_token/${t}`, formInit('POST', { clientId, email: 'kamil@example.com' })),
    );
    expect(modified[0]).toMatchObject({ clientId, organizationName: 'Time Solutions Sp. z o.o.', email: 'kamil@example.com' });
    const all = await json<Row[]>(await api(`/client/format/json/api_token/${t}`));
    expect(all.map((c) => c.clientId)).toEqual([...sandbox.demo.clientIds, clientId]);
  });

  it('answers errors in the documented shape, JSON or XML', async () => {
    const response = await api('/me/format/json/api_token/not-a-token');
    expect(response.status).toBe(401);
    expect(await json<Row>(response)).toEqual({ message: 'Invalid API token', code: 401 });
    const xml = await api('/me/api_token/not-a-token');
    expect(xml.status).toBe(401);
    expect(await xml.text()).toContain('<xml><message>Invalid API token</message><code>401</code></xml>');
  });
});

describe('transport', () => {
  it('accepts the token in every place TimeCamp does', async () => {
    const t = sandbox.token;
    const variants: [string, string, RequestInit | undefined][] = [
      ['bearer', '/me?format=json', { headers: { Authorization: `Bearer ${t}` } }],
      ['header', '/me?format=json', { headers: { Authorization: t } }],
      ['query', `/me?format=json&api_token=${t}`, undefined],
      ['path', `/me/format/json/api_token/${t}`, undefined],
      ['body', '/timer?format=json', formInit('POST', { api_token: t, action: 'status' })],
      [
        'body',
        '/timer?format=json',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ api_token: t, action: 'status' }) },
      ],
    ];
    for (const [source, path, init] of variants) {
      const response = await api(path, init);
      expect(response.status, `${source}: ${path}`).toBe(200);
      expect(lastRequest()?.tokenSource).toBe(source);
    }
  });

  it('refuses a request without a token', async () => {
    const response = await api('/me?format=json');
    expect(response.status).toBe(401);
    expect(await json<Row>(response)).toMatchObject({ code: 401 });
    expect(lastRequest()?.tokenSource).toBeNull();
  });

  it('reads PHP bracket arrays from the query and from form bodies', async () => {
    const { githubIssue, jiraIssue } = sandbox.demo.tasks;
    const entries = await json<Row[]>(
      await api(`/entries?format=json&from=2024-06-06&to=${TODAY}&task_ids[]=${githubIssue}&task_ids[]=${jiraIssue}`, {
        headers: bearer(),
      }),
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.task_id === String(githubIssue) || e.task_id === String(jiraIssue))).toBe(true);

    const posted = await api('/activity?format=json', formInit('POST', {
      'computer_activities[0][application_name]': 'Internet',
      'computer_activities[0][website_domain]': 'linear.app',
      'computer_activities[0][window_title]': 'ENG-42 Flaky test',
      'computer_activities[0][start_time]': '2024-06-12 14:00:00',
      'computer_activities[0][end_time]': '2024-06-12 14:05:00',
      'computer_activities[1][application_name]': 'Internet',
      'computer_activities[1][website_domain]': 'github.com',
      'computer_activities[1][window_title]': 'Pull requests',
      'computer_activities[1][start_time]': '2024-06-12 14:05:00',
      'computer_activities[1][end_time]': '2024-06-12 14:06:30',
      'computer_activities[1][task_id]': githubIssue,
    }, bearer()));
    expect(posted.status).toBe(200);
    const activities = await json<Row[]>(
      await api(`/activity?format=json&date=${TODAY}&include=application,window_title`, { headers: bearer() }),
    );
    expect(activities).toContainEqual(
      expect.objectContaining({ application: 'Internet', window_title: 'ENG-42 Flaky test', time_span: 300, end_time: `${TODAY} 14:05:00` }),
    );
    expect(activities).toContainEqual(
      expect.objectContaining({ window_title: 'Pull requests', time_span: 90, task_id: String(githubIssue) }),
    );
  });

  it('takes JSON bodies and DELETE parameters in the query', async () => {
    const created = await json<{ entry_id: number }>(
      await api('/entries?format=json', {
        method: 'POST',
        headers: { ...bearer(), 'Content-Type': 'application/json' },
        body: JSON.stringify({
          date: TODAY,
          start_time: '07:00:00',
          end_time: '07:45:00',
          note: 'Early start',
          task_id: sandbox.demo.tasks.githubPr,
        }),
      }),
    );
    expect(sandbox.state.entries.get(created.entry_id)).toMatchObject({ duration: 2700, description: 'Early start' });
    const deleted = await api(`/entries?format=json&id=${created.entry_id}`, { method: 'DELETE', headers: bearer() });
    expect(await json<Row>(deleted)).toEqual({ message: 'removed' });
    expect(sandbox.state.entries.has(created.entry_id)).toBe(false);
  });

  it('answers CORS preflights and marks every answer for cross-origin readers', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await api('/entries?format=json', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,content-type',
        'Access-Control-Request-Private-Network': 'true',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');

    const refused = await api('/me?format=json', { headers: { Origin: origin } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
    const plain = await api('/me?format=json', { headers: bearer() });
    expect(plain.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 404 for unknown paths and 405 for unsupported methods', async () => {
    expect((await api('/projects?format=json', { headers: bearer() })).status).toBe(404);
    expect((await fetch(`${new URL(sandbox.url).origin}/elsewhere`)).status).toBe(404);
    const wrongMethod = await api('/timer?format=json', { headers: bearer() });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST, DELETE, OPTIONS');
  });
});

describe('values as the real server sends them', () => {
  it('mixes strings and numbers the way TimeCamp does', async () => {
    const [entry] = await json<Row[]>(
      await api(`/entries?format=json&from=2024-06-06&to=${TODAY}&user_ids=me`, { headers: bearer() }),
    );
    expect(entry).toMatchObject({
      id: expect.any(Number),
      duration: expect.stringMatching(/^\d+$/),
      user_id: '1001',
      billable: expect.any(Number),
      locked: expect.stringMatching(/^[01]$/),
    });

    const started = await json<Row>(await api('/timer?format=json', formInit('POST', { action: 'start' }, bearer())));
    expect(typeof started.new_timer_id).toBe('number');
    const status = await json<Row>(await api('/timer?format=json', formInit('POST', { action: 'status' }, bearer())));
    expect(typeof status.timer_id).toBe('string');
    expect(typeof status.entry_id).toBe('string');
    expect(typeof status.elapsed).toBe('number');

    const [running] = await json<Row[]>(await api('/timer_running?format=json', { headers: bearer() }));
    expect(running).toMatchObject({ timer_id: String(started.new_timer_id), user_id: '1001', task_id: null, name: null });
  });

  it('sends task names HTML-entity encoded and stores new names that way', async () => {
    const { entityName, quotedName } = sandbox.demo.tasks;
    const tasks = await json<Record<string, Row>>(
      await api(`/tasks?format=json&task_id=${entityName},${quotedName}`, { headers: bearer() }),
    );
    expect(tasks[entityName]?.name).toBe('R&amp;D &gt; Research');
    expect(tasks[quotedName]?.name).toBe('Team&#039;s &quot;Demo Day&quot;');

    const created = await json<Record<string, Row>>(
      await api('/tasks?format=json', formInit('POST', { name: `Q&A <draft> "v2"` }, bearer())),
    );
    expect(Object.values(created)[0]?.name).toBe('Q&amp;A &lt;draft&gt; &quot;v2&quot;');
  });

  it('escapes slashes in JSON like PHP does', async () => {
    const text = await (await api(`/tasks?format=json&task_id=${sandbox.demo.tasks.githubIssue}`, { headers: bearer() })).text();
    expect(text).toContain('"github_issue_octo\\/hello-world#12"');
  });

  it('speaks local wall-clock time of the account zone, whatever the process zone', async () => {
    const newYork = await startSandbox({ now: () => START, timeZone: 'America/New_York' });
    try {
      const post = (action: string) =>
        fetch(`${newYork.url}/timer?format=json`, formInit('POST', { action }, bearer(newYork.token)));
      await post('start');
      expect(await json<Row>(await post('status'))).toMatchObject({ start_time: '2024-06-12 08:30:00' });
    } finally {
      await newYork.close();
    }
    await api('/timer?format=json', formInit('POST', { action: 'start' }, bearer()));
    const status = await json<Row>(await api('/timer?format=json', formInit('POST', { action: 'status' }, bearer())));
    expect(status.start_time).toBe('2024-06-12 14:30:00');
  });
});

describe('TimeCamp behaviour', () => {
  const timer = (fields: Record<string, string | number>, token = sandbox.token) =>
    api('/timer?format=json', formInit('POST', fields, bearer(token)));

  it('keeps one running timer per user: starting another ends the first where the second begins', async () => {
    const { githubIssue, jiraIssue } = sandbox.demo.tasks;
    const first = await json<Row>(await timer({ action: 'start', task_id: githubIssue }));
    now += 10 * 60_000;
    const second = await json<Row>(await timer({ action: 'start', task_id: jiraIssue }));

    expect(sandbox.state.entries.get(first.entry_id as number)).toMatchObject({
      start_time: '14:30:00',
      end_time: '14:40:00',
      duration: 600,
    });
    const running = await json<Row[]>(await api('/timer_running?format=json', { headers: bearer() }));
    expect(running).toEqual([
      expect.objectContaining({ timer_id: String(second.new_timer_id), task_id: String(jiraIssue), name: 'Export fails' }),
    ]);

    now += 90_000;
    expect(await json<Row>(await timer({ action: 'status' }))).toMatchObject({ isTimerRunning: true, elapsed: 90 });
    // Jan's timer (seeded) is his own business.
    const jan = tokenOf(sandbox.demo.users.manager);
    expect(await json<Row>(await timer({ action: 'status' }, jan))).toMatchObject({ isTimerRunning: true });
  });

  it('refuses tasks that cannot take time', async () => {
    const { notTrackableLeaf, archived } = sandbox.demo.tasks;
    const cannot = await timer({ action: 'start', task_id: notTrackableLeaf });
    expect(cannot.status).toBe(403);
    expect(await json<Row>(cannot)).toEqual({ message: 'You cannot track time to this task' });
    const missing = await timer({ action: 'start', task_id: 42 });
    expect(missing.status).toBe(404);
    expect(await json<Row>(missing)).toEqual({ message: 'No task with such ID' });
    expect((await timer({ action: 'start', task_id: archived[0] as number })).status).toBe(403);
    expect((await timer({ action: 'start' }, tokenOf(sandbox.demo.users.guest))).status).toBe(403);
    expect(sandbox.state.timers.has(sandbox.demo.userId)).toBe(false);
  });

  it('discards a running timer and its entry on DELETE timer', async () => {
    const started = await json<Row>(await timer({ action: 'start' }));
    const response = await api('/timer?format=json', { method: 'DELETE', headers: bearer() });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(sandbox.state.entries.has(started.entry_id as number)).toBe(false);
    expect(await json<Row>(await timer({ action: 'status' }))).toEqual({ isTimerRunning: false, elapsed: 0 });
  });

  it('refuses to edit or delete an invoiced or locked entry', async () => {
    const { invoicedEntryId, lockedEntryId, invoiceId } = sandbox.demo;
    const edit = await api('/entries?format=json', formInit('PUT', { id: invoicedEntryId, duration: 60 }, bearer()));
    expect(edit.status).toBe(403);
    expect(await json<Row>(edit)).toEqual({ message: "You can't edit time entry, because it is invoiced." });
    expect((await api(`/entries?format=json&id=${invoicedEntryId}`, { method: 'DELETE', headers: bearer() })).status).toBe(403);
    expect((await api('/entries?format=json', formInit('DELETE', { id: lockedEntryId }, bearer()))).status).toBe(403);

    const entries = await json<Row[]>(await api(`/entries?format=json&from=2024-06-01&to=${TODAY}`, { headers: bearer() }));
    expect(entries.find((e) => e.id === invoicedEntryId)).toMatchObject({ locked: '1', invoiceId: String(invoiceId) });
    expect(entries.find((e) => e.id === lockedEntryId)).toMatchObject({ locked: '1', invoiceId: '0' });
  });

  it('lets an invoice lock the entries it lists and release them again', async () => {
    const [free] = [...sandbox.state.entries.values()].filter(
      (e) => e.user_id === sandbox.demo.userId && e.invoiceId === 0 && !e.locked,
    );
    const added = await json<Record<string, Row>>(
      await api(
        '/invoice?format=json',
        formInit('PUT', { clientId: sandbox.demo.clientIds[1] as number, 'entries[]': free?.id as number }, bearer()),
      ),
    );
    const invoice = Object.values(added)[0] as Row;
    expect(invoice).toMatchObject({ status: 0, entries: [expect.objectContaining({ entryId: free?.id })] });
    expect(free?.invoiceId).toBe(invoice.invoiceId);
    const edit = await api('/entries?format=json', formInit('PUT', { id: free?.id as number, note: 'x' }, bearer()));
    expect(edit.status).toBe(403);

    const modified = await json<Record<string, Row>>(
      await api(
        '/invoice?format=json',
        formInit('POST', { invoiceId: invoice.invoiceId as number, status: 2, entries: '' }, bearer()),
      ),
    );
    expect(Object.values(modified)[0]).toMatchObject({ status: 2, entries: [] });
    expect(free?.invoiceId).toBe(0);
  });

  it('lets only users with the permission create tasks', async () => {
    const marta = tokenOf(sandbox.demo.users.noCreate);
    const refused = await api('/tasks?format=json', formInit('POST', { name: 'Not mine' }, bearer(marta)));
    expect(refused.status).toBe(403);
    const under = await api(
      '/tasks?format=json',
      formInit('POST', { name: 'Not mine', parent_id: sandbox.demo.tasks.githubIssue }, bearer(marta)),
    );
    expect(under.status).toBe(403);
    const created = await api(
      '/tasks?format=json',
      formInit('POST', { name: 'Mine', external_task_id: 'github_issue_octo/hello-world#99' }, bearer()),
    );
    expect(created.status).toBe(201);
  });

  it('filters tasks by status, id and external id', async () => {
    const { archivedProject, githubIssue } = sandbox.demo.tasks;
    const get = async (query: string) =>
      json<Record<string, Row>>(await api(`/tasks?format=json&${query}`, { headers: bearer() }));
    const active = await get('');
    expect(active[archivedProject]).toBeUndefined();
    expect(active[githubIssue]).toBeDefined();
    const archived = await get('status=archived');
    expect(Object.keys(archived).map(Number).sort()).toEqual([...sandbox.demo.tasks.archived].sort());
    const all = await get('status=all');
    expect(Object.keys(all).length).toBe(sandbox.state.tasks.size);
    expect(Object.keys(await get(`task_id=${archivedProject}`))).toEqual([String(archivedProject)]);
    expect(Object.keys(await get('external_task_id=card_AbC123xy'))).toEqual([String(sandbox.demo.tasks.trelloCard)]);
    const byGithubId = await get(`external_task_id=${encodeURIComponent('github_issue_octo/hello-world#12')}`);
    expect(Object.keys(byGithubId)).toEqual([String(githubIssue)]);
    expect((await api('/tasks?format=json&task_id=1', { headers: bearer() })).status).toBe(404);
    expect((await api('/tasks?format=json&external_task_id=card_nope', { headers: bearer() })).status).toBe(404);
    const minimal = await get('minimal=1');
    expect(Object.keys(minimal[githubIssue] ?? {}).sort()).toEqual([
      'archived',
      'color',
      'external_task_id',
      'level',
      'name',
      'parent_id',
      'task_id',
    ]);
    const trackable = await get('perms=track_time');
    expect(trackable[sandbox.demo.tasks.notTrackableLeaf]).toBeUndefined();
  });

  it('needs from and to for entries', async () => {
    const response = await api('/entries?format=json', { headers: bearer() });
    expect(response.status).toBe(400);
    expect(await json<Row>(response)).toEqual({ message: 'you must provide "from" and "to" date like 2013-03-20 ' });
  });

  it('shows a week of the demo user’s work, today included', async () => {
    const entries = await json<Row[]>(
      await api(`/entries?format=json&from=2024-06-06&to=${TODAY}&user_ids=me`, { headers: bearer() }),
    );
    const days = new Set(entries.map((e) => e.date));
    expect(days).toEqual(new Set(['2024-06-06', '2024-06-07', '2024-06-10', '2024-06-11', TODAY]));
    expect(entries.filter((e) => e.date === TODAY).every((e) => (e.end_time as string) <= '14:30:00')).toBe(true);
    const changes = await json<Row[]>(
      await api(`/entries_changes?format=json&from=2024-06-01&to=${TODAY}`, { headers: bearer() }),
    );
    expect(changes.map((c) => c.event_type)).toEqual(['add', 'edit']);
  });
});

describe('fault injection', () => {
  afterEach(() => sandbox.faults.reset());
  const me = () => api('/me?format=json', { headers: bearer() });
  const newEntry = () =>
    api('/entries?format=json', formInit('POST', { date: TODAY, duration: 600, note: 'fault test' }, bearer()));
  const faultEntries = () => [...sandbox.state.entries.values()].filter((e) => e.description === 'fault test');

  it('delays answers by the requested latency', async () => {
    sandbox.faults.latency(120);
    const started = performance.now();
    expect((await me()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    sandbox.faults.latency(0);
    expect((await me()).status).toBe(200);
  });

  it('fails the next requests with a status, a message and Retry-After for 429', async () => {
    sandbox.faults.failNext(2, 503, { message: 'Maintenance' });
    for (let i = 0; i < 2; i++) {
      const response = await me();
      expect(response.status).toBe(503);
      expect(await json<Row>(response)).toEqual({ message: 'Maintenance' });
    }
    expect((await me()).status).toBe(200);

    sandbox.faults.failNext(1, 429, { retryAfter: 30 });
    const limited = await me();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
    sandbox.faults.failNext(1, 429);
    expect((await me()).headers.get('retry-after')).toBe('1');
    sandbox.faults.failNext(1, 429, { retryAfter: null });
    expect((await me()).headers.get('retry-after')).toBeNull();
    const faults = sandbox.requests.map((r) => r.fault).filter((f) => f !== null);
    expect(faults).toEqual(['fail 503', 'fail 503', 'fail 429', 'fail 429', 'fail 429']);
  });

  it('does not apply a request it fails', async () => {
    sandbox.faults.failNext(1, 500);
    expect((await newEntry()).status).toBe(500);
    expect(faultEntries()).toHaveLength(0);
  });

  it('answers a 200 with an HTML error page', async () => {
    sandbox.faults.malformNext(1, 'html');
    const response = await newEntry();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
    expect(faultEntries()).toHaveLength(0);
  });

  it('answers a 200 with truncated JSON, XML or the wrong shape after doing the work', async () => {
    sandbox.faults.malformNext(1, 'truncated-json');
    const truncated = await newEntry();
    expect(truncated.status).toBe(200);
    const text = await truncated.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"entry_id"')).toBe(true);

    sandbox.faults.malformNext(1, 'xml');
    const xml = await newEntry();
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await xml.text()).toMatch(/<xml><entry_id>\d+<\/entry_id><\/xml>/);

    sandbox.faults.malformNext(2, 'wrong-shape');
    expect(Array.isArray(await json<unknown>(await newEntry()))).toBe(true);
    const list = await json<unknown>(await api('/users?format=json', { headers: bearer() }));
    expect(Array.isArray(list)).toBe(false);

    expect(faultEntries()).toHaveLength(3);
    expect((await me()).status).toBe(200);
  });

  it('drops the connection without an answer, before or after applying the request', async () => {
    sandbox.faults.dropNext(1);
    await expect(newEntry()).rejects.toThrow();
    expect(faultEntries()).toHaveLength(0);
    expect(lastRequest()).toMatchObject({ status: 0, fault: 'drop' });

    sandbox.faults.dropNext(1, { afterApply: true });
    await expect(newEntry()).rejects.toThrow();
    expect(faultEntries()).toHaveLength(1);
    expect(lastRequest()).toMatchObject({ status: 0, fault: 'drop after apply' });

    expect((await me()).status).toBe(200);
  });

  it('goes offline (connection refused) and comes back on the same port', async () => {
    await sandbox.faults.offline(true);
    const refused = await me().then(
      () => null,
      (error: unknown) => error as Error & { cause?: { code?: string } },
    );
    expect(refused?.cause?.code).toBe('ECONNREFUSED');
    const control = await fetch(`${sandbox.controlUrl}/faults`);
    expect(await json<Row>(control)).toMatchObject({ offline: true });

    await sandbox.faults.offline(false);
    expect((await me()).status).toBe(200);
  });

  it('clears every fault on reset', async () => {
    sandbox.faults.failNext(5, 500);
    sandbox.faults.malformNext(5, 'html');
    sandbox.faults.dropNext(5);
    sandbox.faults.latency(50);
    sandbox.faults.reset();
    expect((await me()).status).toBe(200);
    expect(lastRequest()?.fault).toBeNull();
  });
});

describe('control endpoint', () => {
  const control = (path: string, body?: unknown) =>
    fetch(`${sandbox.controlUrl}${path}`, body === undefined ? undefined : { method: 'POST', body: JSON.stringify(body) });

  it('injects faults, moves the clock, shows state and resets', async () => {
    expect((await control('/faults', { failNext: { n: 1, status: 503 } })).status).toBe(200);
    expect((await api('/me?format=json', { headers: bearer() })).status).toBe(503);

    await api('/timer?format=json', formInit('POST', { action: 'start' }, bearer()));
    const clock = await json<Row>(await control('/clock', { advanceMs: 120_000 }));
    expect(clock).toMatchObject({ local: '2024-06-12 14:32:00', timeZone: 'Europe/Warsaw' });
    const status = await json<Row>(await api('/timer?format=json', formInit('POST', { action: 'status' }, bearer())));
    expect(status.elapsed).toBe(120);

    const state = await json<{ timers: Row[]; demo: Row; counts: Row }>(await control('/state'));
    expect(state.timers.map((t) => t.user_id)).toContain(sandbox.demo.userId);
    expect(state.demo).toMatchObject({ token: sandbox.token });
    const requests = await json<Row[]>(await control('/requests'));
    expect(requests.at(-1)).toMatchObject({ resource: 'timer', tokenSource: 'bearer' });

    await control('/reset', {});
    expect(sandbox.state.timers.has(sandbox.demo.userId)).toBe(false);
    expect(sandbox.requests).toHaveLength(0);
    await control('/clock', { reset: true });
  });

  it('rejects malformed control requests with a reason', async () => {
    const bad = await control('/faults', { malformNext: { n: 1, kind: 'yaml' } });
    expect(bad.status).toBe(400);
    expect(await json<Row>(bad)).toMatchObject({ error: expect.stringContaining('kind') });
    expect((await control('/nowhere')).status).toBe(404);
  });
});

describe('large seed', () => {
  it('adds 10,000 tasks', async () => {
    const large = await startSandbox({ seed: 'large', now: () => START });
    try {
      expect(large.state.tasks.size - sandbox.state.tasks.size).toBe(LARGE_TASK_COUNT);
      const tasks = await json<Record<string, Row>>(
        await fetch(`${large.url}/tasks?format=json&minimal=1`, { headers: bearer(large.token) }),
      );
      expect(Object.keys(tasks).length).toBeGreaterThan(10_000);
    } finally {
      await large.close();
    }
  });
});
