import { describe, expect, it } from 'vitest';
import { buildTaskNodes, isPickable, toTaskChoice, type TreeTask } from '@/lib/tasks/tree';

const task = (taskId: number, parentId: number | null, name: string, extra: Partial<TreeTask> = {}): TreeTask => ({
  taskId,
  parentId,
  name,
  externalTaskId: null,
  archived: false,
  color: null,
  billable: true,
  ...extra,
});

// Listed by id, as TimeCamp sends them: children may come before their parents.
const tasks: TreeTask[] = [
  task(4, 2, 'Fix login redirect', { externalTaskId: 'github_issue_octo/hello-world#12' }),
  task(1, null, 'Acme Corp', { color: '#4B9CD3' }),
  task(2, 1, 'Hello World app'),
  task(3, 1, 'Billing', { color: '#D0021B' }),
  task(5, 3, 'Invoices'),
  task(6, null, 'Internal', { billable: false }),
  task(7, 6, 'Meetings', { billable: false }),
  task(8, 99, 'Shared with me'),
];

describe('task tree', () => {
  const nodes = buildTaskNodes(tasks);
  const byId = (id: number) => nodes.find((node) => node.taskId === id)!;

  it('gives every task its path from the top of the tree', () => {
    expect(byId(4).path).toEqual(['Acme Corp', 'Hello World app', 'Fix login redirect']);
    expect(byId(4).pathText).toBe('Acme Corp › Hello World app › Fix login redirect');
    expect(byId(4).level).toBe(3);
    expect(byId(7).pathText).toBe('Internal › Meetings');
  });

  it('lets a task without a colour of its own show its nearest coloured ancestor’s', () => {
    expect(byId(4).color).toBe('#4B9CD3');
    expect(byId(3).color).toBe('#D0021B');
    expect(byId(5).color).toBe('#D0021B');
    expect(byId(7).color).toBeNull();
  });

  it('gives a task whose parent is not visible a path of its own name', () => {
    expect(byId(8)).toMatchObject({ path: ['Shared with me'], pathText: 'Shared with me', level: 1 });
  });

  it('lists the tree in order: each task after its parent, siblings by name', () => {
    expect(nodes.map((node) => node.name)).toEqual([
      'Acme Corp',
      'Billing',
      'Invoices',
      'Hello World app',
      'Fix login redirect',
      'Internal',
      'Meetings',
      'Shared with me',
    ]);
  });

  it('keeps billable and external ids, and marks tasks the user may not track to', () => {
    const limited = buildTaskNodes(tasks, { trackableIds: new Set([4, 7]) });
    expect(limited.filter(isPickable).map((node) => node.taskId).sort()).toEqual([4, 7]);
    expect(limited.find((node) => node.taskId === 7)).toMatchObject({ billable: false, trackable: true });
    expect(limited.find((node) => node.taskId === 4)!.externalTaskId).toBe('github_issue_octo/hello-world#12');
  });

  it('does not offer archived tasks', () => {
    const [archived] = buildTaskNodes([task(1, null, 'Old project', { archived: true })]);
    expect(isPickable(archived!)).toBe(false);
  });

  it('survives parent links that go round in a circle', () => {
    const looped = buildTaskNodes([task(1, 2, 'A'), task(2, 1, 'B'), task(3, 3, 'Self')]);
    expect(looped.map((node) => node.taskId).sort()).toEqual([1, 2, 3]);
  });

  it('turns a node into what a picker shows', () => {
    expect(toTaskChoice(byId(4))).toEqual({
      taskId: 4,
      name: 'Fix login redirect',
      path: 'Acme Corp › Hello World app › Fix login redirect',
      color: '#4B9CD3',
    });
  });
});
