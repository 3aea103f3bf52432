import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountKeyOf } from '@/lib/storage/account';
import {
  addNodesToCache,
  isStale,
  pickableNodes,
  readTaskCache,
  refreshTaskCache,
  taskCache,
  TASK_CACHE_MAX_AGE_MS,
} from '@/lib/tasks/cache';
import type { TaskNode } from '@/lib/tasks/tree';
import { useSandbox } from '../api/use-sandbox';

const env = useSandbox();
const NOW = Date.UTC(2024, 5, 12, 10, 0, 0);

beforeEach(() => {
  fakeBrowser.reset();
});

const demoKey = () => accountKeyOf({ baseUrl: env.sandbox.url, user: { userId: env.sandbox.demo.userId } });
const taskRequests = () => env.sandbox.requests.filter((request) => request.resource === 'tasks' && request.method === 'GET');

describe('task cache', () => {
  it('stores the account’s active tree with paths, for that account', async () => {
    const cache = await refreshTaskCache(env.client(), demoKey(), NOW);

    expect(cache).toMatchObject({ fetchedAt: NOW, accountKey: demoKey() });
    expect(await readTaskCache(demoKey())).toEqual(cache);
    const issue = cache.nodes.find((node) => node.taskId === env.sandbox.demo.tasks.githubIssue)!;
    expect(issue).toMatchObject({
      pathText: 'Acme Corp › Hello World app › GitHub issues › Fix login redirect',
      externalTaskId: 'github_issue_octo/hello-world#12',
      color: '#4B9CD3',
      trackable: true,
    });
  });

  it('does not offer archived tasks or tasks the user may only look at', async () => {
    const { demo } = env.sandbox;
    const { nodes } = await refreshTaskCache(env.client(), demoKey(), NOW);
    const pickable = pickableNodes(nodes).map((node) => node.taskId);

    // The guest's project is in the tree (its tasks give others their path) but cannot be picked.
    expect(nodes.find((node) => node.taskId === demo.tasks.notTrackableLeaf)).toMatchObject({ trackable: false });
    expect(pickable).not.toContain(demo.tasks.notTrackableLeaf);
    expect(pickable).not.toContain(demo.tasks.notTrackable);
    for (const archived of demo.tasks.archived) expect(pickable).not.toContain(archived);
    expect(pickable).toContain(demo.tasks.internalMeetings);
  });

  it('never gives one account the tree another account fetched', async () => {
    const { demo } = env.sandbox;
    const marta = env.sandbox.users.find((user) => user.user_id === demo.users.noCreate)!;
    const martaKey = accountKeyOf({ baseUrl: env.sandbox.url, user: { userId: marta.user_id } });
    const elsewhere = accountKeyOf({ baseUrl: 'https://timecamp.example.org/third_party/api', user: { userId: demo.userId } });

    await refreshTaskCache(env.client(), demoKey(), NOW);
    expect(await readTaskCache(martaKey)).toBeNull();
    expect(await readTaskCache(elsewhere)).toBeNull();

    await refreshTaskCache(env.client({ token: marta.token }), martaKey, NOW);
    expect(await readTaskCache(demoKey())).toBeNull();
    expect((await readTaskCache(martaKey))?.accountKey).toBe(martaKey);
  });

  it('is stale after five minutes, and when there is none', () => {
    expect(isStale(null, NOW)).toBe(true);
    expect(isStale({ fetchedAt: NOW }, NOW + TASK_CACHE_MAX_AGE_MS - 1)).toBe(false);
    expect(isStale({ fetchedAt: NOW }, NOW + TASK_CACHE_MAX_AGE_MS)).toBe(true);
    expect(isStale({ fetchedAt: NOW }, NOW + 60_000, 30_000)).toBe(true);
    // A clock set back makes the age meaningless.
    expect(isStale({ fetchedAt: NOW }, NOW - 60_000)).toBe(true);
  });

  it('fetches once when refreshed twice at the same time', async () => {
    const client = env.client();
    const [first, second] = await Promise.all([refreshTaskCache(client, demoKey(), NOW), refreshTaskCache(client, demoKey(), NOW)]);
    expect(second).toBe(first);
    expect(taskRequests()).toHaveLength(2); // the tree, and the ids the user may track to
  });

  it('keeps a task added after a refresh, in tree order under its parent', async () => {
    const { nodes } = await refreshTaskCache(env.client(), demoKey(), NOW);
    const parent = nodes.find((node) => node.name === 'GitHub issues')!;
    const added: TaskNode = {
      ...parent,
      taskId: 999_999,
      parentId: parent.taskId,
      name: '#77 New issue',
      path: [...parent.path, '#77 New issue'],
      pathText: `${parent.pathText} › #77 New issue`,
      level: parent.level + 1,
      externalTaskId: 'github_issue_octo/hello-world#77',
    };
    await addNodesToCache(demoKey(), [added]);
    await addNodesToCache('someone else', [{ ...added, taskId: 999_998 }]);

    const stored = (await readTaskCache(demoKey()))!.nodes;
    expect(stored).toHaveLength(nodes.length + 1);
    const at = stored.findIndex((node) => node.taskId === added.taskId);
    const parentAt = stored.findIndex((node) => node.taskId === parent.taskId);
    expect(at).toBeGreaterThan(parentAt);
    expect(stored.slice(parentAt + 1, at).every((node) => node.path.includes('GitHub issues'))).toBe(true);
    expect(stored[at + 1]!.path).not.toContain('GitHub issues');
  });

  it('writes nothing for an account that has no cache yet', async () => {
    await addNodesToCache(demoKey(), [
      { taskId: 1, parentId: null, name: 'A', path: ['A'], pathText: 'A', level: 1, color: null, billable: true, externalTaskId: null, archived: false, trackable: true },
    ]);
    expect(await taskCache.getValue()).toBeNull();
  });
});
