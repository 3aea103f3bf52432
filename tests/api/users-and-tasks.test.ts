import { describe, expect, it } from 'vitest';
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
});
