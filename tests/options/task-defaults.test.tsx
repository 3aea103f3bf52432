// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TaskDefaults } from '@/components/options/TaskDefaults';
import { account, accountKeyOf } from '@/lib/storage/account';
import { settings } from '@/lib/storage/settings';
import { taskCache } from '@/lib/tasks/cache';
import { buildTaskNodes, type TreeTask } from '@/lib/tasks/tree';
import { ACCOUNT, button, buttons, byLabel, click, mount, notices, press, type, until, useOptionsTestBrowser } from './harness';

const task = (taskId: number, parentId: number | null, name: string): TreeTask => ({ taskId, parentId, name, externalTaskId: null, archived: false, color: null });
const NODES = buildTaskNodes([task(1, null, 'Acme'), task(2, 1, 'Website'), task(3, 2, 'Bugs'), task(4, null, 'Internal'), task(5, 4, 'Support')]);

async function signedIn(cached = true) {
  await account.setValue(ACCOUNT);
  if (cached) await taskCache.setValue({ fetchedAt: 0, accountKey: accountKeyOf(ACCOUNT), nodes: NODES });
}

/** Opens a task field with `Change`, types, and takes the best match with Enter. */
function pick(page: HTMLElement, label: string, query: string) {
  click(button(page, `Change ${label}`));
  const input = page.querySelector<HTMLInputElement>('[role=combobox]')!;
  expect(document.activeElement).toBe(input);
  type(input, query);
  press(input, 'Enter');
}

describe('task defaults', () => {
  const background = useOptionsTestBrowser();

  it('asks to sign in before tasks can be chosen; task creation is a switch, off by default', async () => {
    const page = mount(<TaskDefaults />);
    await until(() => expect(page.textContent).toContain('Sign in to choose default tasks.'));
    const create = byLabel(page, 'Create a TimeCamp task for an issue when none is linked');
    await until(() => expect(create.disabled).toBe(false));
    expect(create.checked).toBe(false);

    click(create);
    await until(async () => expect((await settings.getValue()).createTasks).toBe(true));
    await until(() => expect(notices(page)).toContain('Issues without a task will get one.'));
  });

  it('chooses the default task from the cached tree, and clears it', async () => {
    await signedIn();
    const page = mount(<TaskDefaults />);
    await until(() => expect(page.querySelector('#default-task-value')?.textContent).toBe('None'));

    pick(page, 'Default task', 'bugs');
    await until(async () => expect((await settings.getValue()).defaultTaskId).toBe(3));
    await until(() => expect(page.querySelector('#default-task-value')?.textContent).toBe('Acme › Website › Bugs'));
    // Back on the button that opened it.
    expect(document.activeElement).toBe(button(page, 'Change Default task'));
    expect(notices(page)).toContain('Task saved.');

    click(button(page, 'Clear Default task'));
    await until(async () => expect((await settings.getValue()).defaultTaskId).toBeNull());
    expect(buttons(page, 'Clear Default task')).toHaveLength(0);
  });

  it('sets a default and a parent task per tracker', async () => {
    await signedIn();
    await settings.setValue({ ...(await settings.getValue()), defaultTaskByIntegration: { jira: 5 } });
    const page = mount(<TaskDefaults />);
    await until(() => expect(page.querySelector('#default-task-jira-value')?.textContent).toBe('Internal › Support'));

    pick(page, 'Default task for GitHub', 'website');
    await until(async () => expect((await settings.getValue()).defaultTaskByIntegration).toEqual({ jira: 5, github: 2 }));
    pick(page, 'Parent task for GitLab', 'internal');
    await until(async () => expect((await settings.getValue()).parentTaskByIntegration).toEqual({ gitlab: 4 }));

    click(button(page, 'Clear Default task for Jira'));
    await until(async () => expect((await settings.getValue()).defaultTaskByIntegration).toEqual({ github: 2 }));
  });

  it('Escape gives up without changing the task', async () => {
    await signedIn();
    await settings.setValue({ ...(await settings.getValue()), defaultTaskId: 5 });
    const page = mount(<TaskDefaults />);
    await until(() => expect(page.querySelector('#default-task-value')?.textContent).toBe('Internal › Support'));

    click(button(page, 'Change Default task'));
    const input = page.querySelector<HTMLInputElement>('[role=combobox]')!;
    type(input, 'acme');
    press(input, 'Escape'); // closes the list
    press(input, 'Escape'); // leaves the field
    expect(page.querySelector('[role=combobox]')).toBeNull();
    expect((await settings.getValue()).defaultTaskId).toBe(5);
  });

  it('asks the background for the tree when none is cached yet', async () => {
    await signedIn(false);
    const page = mount(<TaskDefaults />);
    await until(() => expect(buttons(page, 'Change Default task')).toHaveLength(1));
    click(button(page, 'Change Default task'));
    await until(() => expect(background.of('syncNow')).toHaveLength(1));
  });

  it('names a chosen task the tree no longer has', async () => {
    await signedIn();
    await settings.setValue({ ...(await settings.getValue()), defaultTaskId: 99 });
    const page = mount(<TaskDefaults />);
    await until(() => expect(page.querySelector('#default-task-value')?.textContent).toBe('Task 99 (not in your task list)'));
  });
});
