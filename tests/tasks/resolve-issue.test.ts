import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { IssueRef } from '@/lib/storage/timer';
import { accountKeyOf } from '@/lib/storage/account';
import { readTaskCache, refreshTaskCache } from '@/lib/tasks/cache';
import { rememberIssueTask } from '@/lib/tasks/issue-links';
import { resolveIssueTask, type IssueTaskSettings, type ResolveIssueDeps } from '@/lib/tasks/resolve-issue';
import { useSandbox } from '../api/use-sandbox';

const env = useSandbox();
const NOW = Date.UTC(2024, 5, 12, 10, 0, 0);

beforeEach(() => {
  fakeBrowser.reset();
});

const issue = (number: number, extra: Partial<IssueRef> = {}): IssueRef => ({
  integration: 'github',
  externalId: `github_issue_octo/hello-world#${number}`,
  key: `#${number}`,
  title: 'Crash on save',
  url: `https://github.com/octo/hello-world/issues/${number}`,
  ...extra,
});
const linkedIssue = issue(12, { title: 'Fix login redirect' });

/** What the background passes: the account's cached tree (fetched now), its client and settings. */
async function depsFor(settings: IssueTaskSettings, user = env.sandbox.demo.userId): Promise<ResolveIssueDeps> {
  const { token } = env.sandbox.users.find((candidate) => candidate.user_id === user)!;
  const client = env.client({ token });
  const accountKey = accountKeyOf({ baseUrl: env.sandbox.url, user: { userId: user } });
  const cache = (await readTaskCache(accountKey)) ?? (await refreshTaskCache(client, accountKey, NOW));
  return {
    tasks: client.tasks,
    nodes: cache.nodes,
    accountKey,
    settings,
    integrationName: (id) => ({ github: 'GitHub', gitlab: 'GitLab' })[id] ?? id,
    note: (ref) => `${ref.key} ${ref.title}`,
  };
}

const storedTasks = () => [...env.sandbox.state.tasks.values()];
const storedByExternalId = (externalId: string) => storedTasks().filter((task) => task.external_task_id === externalId);
const apiRequests = () => env.sandbox.requests.filter((request) => request.method !== 'OPTIONS').length;

describe('which task an issue’s timer goes to', () => {
  it('uses the task linked to the issue, before a remembered or default task', async () => {
    const { demo } = env.sandbox;
    await rememberIssueTask(linkedIssue.externalId, demo.tasks.internalMeetings);
    const deps = await depsFor({ defaultTaskId: demo.tasks.internalMeetings, createTasks: true });

    expect(await resolveIssueTask(linkedIssue, deps)).toEqual({ taskId: demo.tasks.githubIssue, via: 'linked' });
  });

  it('asks TimeCamp for the linked task when the cache does not know it yet', async () => {
    const { demo } = env.sandbox;
    const deps = { ...(await depsFor({})), nodes: [] };
    const before = apiRequests();

    expect(await resolveIssueTask(linkedIssue, deps)).toEqual({ taskId: demo.tasks.githubIssue, via: 'linked' });
    expect(apiRequests()).toBe(before + 1);
  });

  it('uses the task the user chose for the issue before, ahead of the default', async () => {
    const { demo } = env.sandbox;
    const meetings = demo.tasks.internalMeetings;
    await rememberIssueTask(issue(99).externalId, demo.tasks.githubPr);
    const deps = await depsFor({ defaultTaskId: meetings, defaultTaskByIntegration: { github: meetings } });

    expect(await resolveIssueTask(issue(99), deps)).toEqual({ taskId: demo.tasks.githubPr, via: 'remembered' });
  });

  it('skips a remembered task that was archived since, or that the user may not track to', async () => {
    const { demo } = env.sandbox;
    const client = env.client();
    await client.tasks.update(demo.tasks.githubPr, { archived: true });
    const settings = { defaultTaskId: demo.tasks.internalMeetings };

    await rememberIssueTask(issue(99).externalId, demo.tasks.githubPr);
    expect(await resolveIssueTask(issue(99), await depsFor(settings))).toEqual({ taskId: demo.tasks.internalMeetings, via: 'default' });

    await rememberIssueTask(issue(99).externalId, demo.tasks.notTrackableLeaf);
    expect(await resolveIssueTask(issue(99), await depsFor(settings))).toEqual({ taskId: demo.tasks.internalMeetings, via: 'default' });
  });

  it('prefers the integration’s default task to the general one, when it can be picked', async () => {
    const { demo } = env.sandbox;
    const general = demo.tasks.internalMeetings;

    const perIntegration = await depsFor({ defaultTaskId: general, defaultTaskByIntegration: { github: demo.tasks.githubPr, jira: 1 } });
    expect(await resolveIssueTask(issue(99), perIntegration)).toEqual({ taskId: demo.tasks.githubPr, via: 'default' });

    const archivedDefault = await depsFor({ defaultTaskId: general, defaultTaskByIntegration: { github: demo.tasks.archived[0]! } });
    expect(await resolveIssueTask(issue(99), archivedDefault)).toEqual({ taskId: general, via: 'default' });
  });

  it('finds nothing when nothing fits and creating tasks is off', async () => {
    const before = storedTasks().length;
    expect(await resolveIssueTask(issue(99), await depsFor({ createTasks: false }))).toEqual({ taskId: null });
    expect(storedTasks()).toHaveLength(before);
  });

  it('creates the issue’s task under the integration and the project, linked by external ids', async () => {
    const deps = await depsFor({ createTasks: true });
    const result = await resolveIssueTask(issue(99, { project: 'octo/hello-world' }), deps);

    expect(result).toMatchObject({ via: 'created', taskId: expect.any(Number) });
    const [root] = storedByExternalId('github_root');
    const [project] = storedByExternalId('github_project_octo/hello-world');
    const [created] = storedByExternalId('github_issue_octo/hello-world#99');
    expect(root).toMatchObject({ name: 'GitHub', parent_id: 0 });
    expect(project).toMatchObject({ name: 'octo/hello-world', parent_id: root!.task_id, external_parent_id: 'github_root' });
    expect(created).toMatchObject({
      task_id: result.taskId,
      name: '#99 Crash on save',
      parent_id: project!.task_id,
      external_parent_id: 'github_project_octo/hello-world',
    });
  });

  it('finds a task it created from the cache next time, without asking TimeCamp', async () => {
    const accountKey = (await depsFor({})).accountKey;
    const first = await resolveIssueTask(issue(99, { project: 'octo/hello-world' }), await depsFor({ createTasks: true }));
    const cached = (await readTaskCache(accountKey))!.nodes.find((node) => node.taskId === first.taskId);
    expect(cached).toMatchObject({ pathText: 'GitHub › octo/hello-world › #99 Crash on save', trackable: true });

    const before = apiRequests();
    const again = await resolveIssueTask(issue(99, { project: 'octo/hello-world' }), await depsFor({ createTasks: true }));
    expect(again).toEqual({ taskId: first.taskId, via: 'linked' });
    expect(apiRequests()).toBe(before);
    expect(storedByExternalId(issue(99).externalId)).toHaveLength(1);
  });

  it('puts the next issue of the same project under the same parents', async () => {
    await resolveIssueTask(issue(99, { project: 'octo/hello-world' }), await depsFor({ createTasks: true }));
    // A fresh tree from the server this time, so the parents are found there rather than in what was just added.
    fakeBrowser.reset();
    const second = await resolveIssueTask(issue(100, { project: 'octo/hello-world' }), await depsFor({ createTasks: true }));

    expect(storedByExternalId('github_root')).toHaveLength(1);
    const [project] = storedByExternalId('github_project_octo/hello-world');
    expect(env.sandbox.state.tasks.get(second.taskId!)).toMatchObject({ parent_id: project!.task_id });
  });

  it('creates one task when the same issue is resolved twice at once', async () => {
    const deps = await depsFor({ createTasks: true });
    const [a, b] = await Promise.all([resolveIssueTask(issue(99), deps), resolveIssueTask(issue(99), deps)]);

    expect(a).toEqual(b);
    expect(storedByExternalId(issue(99).externalId)).toHaveLength(1);
    expect(storedByExternalId('github_root')).toHaveLength(1);
  });

  it('creates the task under the parent chosen in the settings', async () => {
    const { demo } = env.sandbox;
    const deps = await depsFor({ createTasks: true, parentTaskByIntegration: { github: demo.tasks.internalMeetings } });
    const result = await resolveIssueTask(issue(99), deps);

    expect(env.sandbox.state.tasks.get(result.taskId!)).toMatchObject({
      parent_id: demo.tasks.internalMeetings,
      external_task_id: issue(99).externalId,
      external_parent_id: null,
    });
    expect(storedByExternalId('github_root')).toHaveLength(0);
  });

  it('gives up, creating nothing, for a user TimeCamp does not let create projects', async () => {
    const { demo } = env.sandbox;
    const before = storedTasks().length;
    const deps = await depsFor({ createTasks: true }, demo.users.noCreate);

    expect(await resolveIssueTask(issue(99, { project: 'octo/hello-world' }), deps)).toEqual({ taskId: null });
    expect(storedTasks()).toHaveLength(before);
  });

  it('does not create a second task for an issue whose task the user may not track to', async () => {
    const { demo } = env.sandbox;
    const hidden = (await env.client().tasks.add({ name: '#5 Audit log', parentId: demo.tasks.notTrackable, externalTaskId: issue(5).externalId }))!;
    const deps = await depsFor({ createTasks: true, defaultTaskId: demo.tasks.internalMeetings });

    expect(deps.nodes.find((node) => node.taskId === hidden.taskId)).toMatchObject({ trackable: false });
    expect(await resolveIssueTask(issue(5), deps)).toEqual({ taskId: demo.tasks.internalMeetings, via: 'default' });
    expect(await resolveIssueTask(issue(5), { ...deps, settings: { createTasks: true } })).toEqual({ taskId: null });
    expect(storedByExternalId(issue(5).externalId)).toHaveLength(1);
  });

  it('does not create a task for an issue whose task is hidden from the user', async () => {
    const { demo } = env.sandbox;
    const acme = storedTasks().find((task) => task.name === 'Acme Corp')!;
    const hidden = (await env.client().tasks.add({ name: '#7 Secret', parentId: acme.task_id, externalTaskId: issue(7).externalId }))!;
    env.sandbox.state.tasks.get(hidden.taskId)!.roles[demo.users.manager] = 0;
    const deps = await depsFor({ createTasks: true }, demo.users.manager);

    expect(await resolveIssueTask(issue(7), deps)).toEqual({ taskId: null });
    expect(storedByExternalId(issue(7).externalId)).toHaveLength(1);
    expect(storedByExternalId('github_root')).toHaveLength(0);
  });

  it('looks an issue up once more before creating its task: a lookup that found nothing may have raced a creation', async () => {
    const deps = await depsFor({ createTasks: true });
    const made = (await env.client().tasks.add({ name: '#31 Made meanwhile', parentId: env.sandbox.demo.tasks.githubIssue, externalTaskId: issue(31).externalId }))!;
    let lookups = 0;
    const racing: ResolveIssueDeps['tasks'] = {
      // The first lookup answers as if the task did not exist yet (404 or an empty list).
      findByExternalId: async (externalId) => (lookups++ === 0 && externalId === issue(31).externalId ? null : deps.tasks.findByExternalId(externalId)),
      add: deps.tasks.add,
    };

    const resolution = await resolveIssueTask(issue(31), { ...deps, tasks: racing });

    expect(resolution).toEqual({ taskId: made.taskId, via: 'created' });
    expect(storedByExternalId(issue(31).externalId)).toHaveLength(1);
  });

  it('finds the task it created by its external id when TimeCamp answers the creation in another shape', async () => {
    const deps = await depsFor({ createTasks: true });
    const tasks: ResolveIssueDeps['tasks'] = {
      findByExternalId: deps.tasks.findByExternalId,
      // TimeCamp makes the task, and answers with nothing the client can read an id from.
      add: async (task) => {
        await deps.tasks.add(task);
        return null;
      },
    };

    const resolution = await resolveIssueTask(issue(32), { ...deps, tasks });

    expect(resolution).toEqual({ taskId: storedByExternalId(issue(32).externalId)[0]!.task_id, via: 'created' });
    expect(storedByExternalId(issue(32).externalId)).toHaveLength(1);
  });

  it('passes on failures other than a refusal', async () => {
    const deps = await depsFor({ createTasks: true });
    env.sandbox.faults.failNext(5, 500);
    await expect(resolveIssueTask(issue(99), deps)).rejects.toMatchObject({ kind: 'server' });
  });
});
