import { describe, expect, it, vi } from 'vitest';
import { createTimeCampClient } from '@/lib/api';
import { useSandbox } from './use-sandbox';

const env = useSandbox();

describe('users', () => {
  it('tells who the token belongs to, with numeric ids and boolean permissions', async () => {
    const me = await env.client().users.me();
    const demo = env.sandbox.users.find((user) => user.token === env.sandbox.token)!;

    expect(me).toMatchObject({ userId: demo.user_id, email: demo.email, displayName: demo.display_name });
    expect(typeof me.rootGroupId).toBe('number');
    expect(me.permissions).toEqual({ timeTrackingAdmin: true, createProjects: true, canViewRates: expect.any(Boolean) });
  });

  it('lists the people in the account', async () => {
    const users = await env.client().users.list();
    expect(users.map((user) => user.userId).sort()).toEqual(env.sandbox.users.map((user) => user.user_id).sort());
    expect(users.every((user) => typeof user.groupId === 'number' && user.displayName.length > 0)).toBe(true);
  });

  it('names people by their display name, or their email when they have none', async () => {
    const seeded = env.sandbox.users;
    const [nameless] = seeded;
    env.sandbox.state.users.find((user) => user.user_id === nameless!.user_id)!.display_name = '';

    const users = await env.client().users.list();
    for (const user of users) {
      const stored = env.sandbox.state.users.find((candidate) => candidate.user_id === user.userId)!;
      expect(user.displayName).toBe(stored.display_name || stored.email);
    }
    expect(users.find((user) => user.userId === nameless!.user_id)!.displayName).toBe(nameless!.email);
    expect(users.filter((user) => user.displayName !== user.email).length).toBeGreaterThan(0);
  });

  it('asks for active people only when told to', async () => {
    await env.client().users.list({ activeOnly: true });
    await env.client().users.list();
    const [active, all] = env.sandbox.requests.filter((r) => r.method === 'GET');
    expect(active!.query).toMatchObject({ active_only: 'true' });
    expect(all!.query).not.toHaveProperty('active_only');
  });
});

describe('tasks', () => {
  it('lists the active tree as numbers, booleans and decoded names', async () => {
    const tasks = await env.client().tasks.list();
    const { demo } = env.sandbox;

    expect(tasks.length).toBeGreaterThan(200);
    expect(tasks.some((task) => demo.tasks.archived.includes(task.taskId))).toBe(false);
    const meetings = tasks.find((task) => task.taskId === demo.tasks.internalMeetings)!;
    expect(meetings).toMatchObject({ billable: false, archived: false, level: expect.any(Number), parentId: expect.any(Number) });
    expect(tasks.find((task) => task.taskId === demo.tasks.entityName)!.name).toBe('R&D > Research');
    expect(tasks.find((task) => task.taskId === demo.tasks.quotedName)!.name).toBe(`Team's "Demo Day"`);
  });

  it('leaves out tasks the user may not track to when asked for trackable ones', async () => {
    const { demo } = env.sandbox;
    const all = await env.client().tasks.list();
    const trackable = await env.client().tasks.list({ perms: 'track_time' });

    expect(all.map((task) => task.taskId)).toContain(demo.tasks.notTrackableLeaf);
    expect(trackable.map((task) => task.taskId)).not.toContain(demo.tasks.notTrackableLeaf);
    expect(trackable.map((task) => task.taskId)).toContain(demo.tasks.internalMeetings);
  });

  it('lists archived tasks on request', async () => {
    const archived = await env.client().tasks.list({ status: 'archived' });
    expect(archived.map((task) => task.taskId).sort()).toEqual([...env.sandbox.demo.tasks.archived].sort());
    expect(archived.every((task) => task.archived)).toBe(true);
  });

  it('gets one task by id', async () => {
    const task = await env.client().tasks.get(env.sandbox.demo.tasks.githubIssue);
    expect(task).toMatchObject({ taskId: env.sandbox.demo.tasks.githubIssue, name: 'Fix login redirect', externalTaskId: 'github_issue_octo/hello-world#12' });
  });

  it('finds the task linked to an issue, and null when none is', async () => {
    const tasks = env.client().tasks;
    expect((await tasks.findByExternalId('jira_issue_acme.atlassian.net/PROJ-7'))?.taskId).toBe(env.sandbox.demo.tasks.jiraIssue);
    expect((await tasks.findByExternalId('card_AbC123xy'))?.taskId).toBe(env.sandbox.demo.tasks.trelloCard);
    expect(await tasks.findByExternalId('github_issue_octo/hello-world#999')).toBeNull();
  });

  it('creates a task for an issue, finds it by its external id, renames and deletes it', async () => {
    const tasks = env.client().tasks;
    const parentId = env.sandbox.demo.tasks.internalMeetings;

    const added = (await tasks.add({ name: '#77 Crash & burn <now>', parentId, externalTaskId: 'github_issue_octo/hello-world#77', billable: true }))!;
    expect(added).toMatchObject({ name: '#77 Crash & burn <now>', parentId, externalTaskId: 'github_issue_octo/hello-world#77' });
    expect((await tasks.findByExternalId('github_issue_octo/hello-world#77'))?.taskId).toBe(added.taskId);

    await tasks.update(added.taskId, { name: '#77 Crash fixed' });
    expect((await tasks.get(added.taskId)).name).toBe('#77 Crash fixed');

    await tasks.remove(added.taskId);
    await expect(tasks.get(added.taskId)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refuses to create a project for a user without that permission', async () => {
    const marta = env.sandbox.users.find((user) => user.user_id === env.sandbox.demo.users.noCreate)!;
    await expect(env.client({ token: marta.token }).tasks.add({ name: 'New project' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it("gives a listed task the user's role and permission flags, and a minimal one neither", async () => {
    const { demo } = env.sandbox;
    const full = await env.client().tasks.get(demo.tasks.internalMeetings);
    expect(full.userAccessType).toEqual(expect.any(Number));
    expect(Object.keys(full.perms).length).toBeGreaterThan(0);
    expect(Object.values(full.perms).every((flag) => flag === 0 || flag === 1)).toBe(true);

    const minimal = (await env.client().tasks.list({ minimal: true })).find((task) => task.taskId === demo.tasks.internalMeetings)!;
    expect(minimal.userAccessType).toBeNull();
    expect(minimal.perms).toEqual({});
  });

  it('gets an archived task by id', async () => {
    const [archivedId] = env.sandbox.demo.tasks.archived;
    expect(await env.client().tasks.get(archivedId!)).toMatchObject({ taskId: archivedId, archived: true });
  });

  it('calls an empty answer to a task asked for by id malformed', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('[]', { headers: { 'Content-Type': 'application/json' } }));
    const client = createTimeCampClient({ token: 'secret', baseUrl: env.sandbox.url, fetch });
    await expect(client.tasks.get(12)).rejects.toMatchObject({ kind: 'malformed', message: expect.stringContaining('Expected the task') });
  });

  it('asks TimeCamp for the one linked task, active, rather than the whole tree', async () => {
    await env.client().tasks.findByExternalId('card_AbC123xy');
    const [request] = env.sandbox.requests.filter((r) => r.method === 'GET');
    expect(request!.query).toMatchObject({ external_task_id: 'card_AbC123xy', status: 'active' });
  });

  it('picks the linked task out of an answer that ignored the filter', async () => {
    const { demo } = env.sandbox;
    const tree = await env.client().tasks.list();
    const wanted = tree.find((task) => task.taskId === demo.tasks.jiraIssue)!;
    const answer = Object.fromEntries(
      [demo.tasks.internalMeetings, demo.tasks.jiraIssue].map((id) => [id, { task_id: id, name: 'Task', external_task_id: id === wanted.taskId ? wanted.externalTaskId : null }]),
    );
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } }));
    const client = createTimeCampClient({ token: 'secret', baseUrl: env.sandbox.url, fetch });

    expect((await client.tasks.findByExternalId(wanted.externalTaskId!))?.taskId).toBe(demo.tasks.jiraIssue);
    expect(await client.tasks.findByExternalId('card_nothing')).toBeNull();
  });

  it('reports a failure to look up a linked task rather than saying there is none', async () => {
    env.sandbox.faults.failNext(3, 503);
    await expect(env.client({ retry: { attempts: 3 } }).tasks.findByExternalId('card_AbC123xy')).rejects.toMatchObject({ kind: 'server' });
  });

  it('changes only the flags it is given: a renamed archived, billable task stays both', async () => {
    const tasks = env.client().tasks;
    const [archivedId] = env.sandbox.demo.tasks.archived;
    const stored = env.sandbox.state.tasks.get(archivedId!)!;
    stored.billable = true;

    await tasks.update(archivedId!, { name: 'Old project, renamed' });
    expect(env.sandbox.state.tasks.get(archivedId!)).toMatchObject({ archived: true, billable: true });
    const [put] = env.sandbox.requests.filter((r) => r.method === 'PUT');
    expect(put!.body).not.toHaveProperty('billable');
    expect(put!.body).not.toHaveProperty('archived');

    await tasks.update(archivedId!, { billable: false, archived: false });
    expect(env.sandbox.state.tasks.get(archivedId!)).toMatchObject({ archived: false, billable: false });
    await tasks.update(archivedId!, { billable: true });
    expect(env.sandbox.state.tasks.get(archivedId!)).toMatchObject({ archived: false, billable: true });
  });

  it('gives a new task to several people in the same role', async () => {
    const { demo } = env.sandbox;
    const added = (await env.client().tasks.add({ name: 'Shared', parentId: demo.tasks.internalMeetings, userIds: [demo.users.manager, demo.users.guest], role: 3 }))!;
    expect(env.sandbox.state.tasks.get(added.taskId)!.roles).toMatchObject({ [demo.users.manager]: 3, [demo.users.guest]: 3 });
  });
});
