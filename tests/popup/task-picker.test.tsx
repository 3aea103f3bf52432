// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ROW_HEIGHT, TaskCombobox } from '@/components/task-picker/TaskCombobox';
import { createTaskSource, type TaskSource } from '@/components/task-picker/task-source';
import { pickableNodes } from '@/lib/tasks/cache';
import type { TaskNode } from '@/lib/tasks/tree';
import { allByRole, byRole, manyTasks, mount, press, TREE, type, until, usePopupTestBrowser } from './harness';

usePopupTestBrowser();

function Picker({ tasks, recentIds, onChange }: { tasks: TaskSource | null; recentIds?: number[]; onChange?: (node: TaskNode) => void }) {
  const [value, setValue] = useState<number | null>(null);
  return (
    <TaskCombobox
      id="t"
      label="Task"
      tasks={tasks}
      recentIds={recentIds}
      value={value}
      onChange={(node) => {
        setValue(node.taskId);
        onChange?.(node);
      }}
    />
  );
}

const options = (root: HTMLElement) => allByRole(root, 'option').map((option) => option.querySelector('.task-option-name')?.textContent);

describe('the task combobox', () => {
  it('follows the ARIA combobox pattern: expanded list, active descendant, Enter chooses', () => {
    const chosen = vi.fn();
    const root = mount(<Picker tasks={createTaskSource(pickableNodes(TREE), TREE)} onChange={chosen} />);
    const input = byRole(root, 'combobox', 'Task') as HTMLInputElement;
    expect(input.getAttribute('aria-expanded')).toBe('false');

    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const listbox = byRole(root, 'listbox', 'Task');
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    // The tree in order (archived tasks are not offered).
    expect(options(root)).toEqual(['Acme', 'Consulting', 'Website', 'Login redirect', 'Żółta strona', 'Internal', 'Admin', 'Meetings']);
    expect(input.getAttribute('aria-activedescendant')).toBe(allByRole(root, 'option')[0]!.id);

    press(input, 'ArrowDown');
    press(input, 'ArrowDown');
    const active = document.getElementById(input.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(active.textContent).toContain('Website');
    press(input, 'ArrowUp');
    press(input, 'Enter');

    expect(chosen).toHaveBeenCalledWith(expect.objectContaining({ taskId: 9, name: 'Consulting' }));
    expect(input.value).toBe('Consulting');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    // The path is shown under the field and read with it.
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('Acme');
  });

  it('filters as you type: path-aware, accent-insensitive, recent tasks first', () => {
    const root = mount(<Picker tasks={createTaskSource(pickableNodes(TREE), TREE)} recentIds={[7]} />);
    const input = byRole(root, 'combobox', 'Task') as HTMLInputElement;

    type(input, 'zolta');
    expect(options(root)).toEqual(['Żółta strona']);
    type(input, 'internal');
    expect(options(root)).toEqual(['Admin', 'Internal', 'Meetings']);
    type(input, 'acme login');
    expect(options(root)).toEqual(['Login redirect']);
    type(input, 'nothing like this');
    expect(allByRole(root, 'option')).toEqual([]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(root.textContent).toContain('No task matches.');
  });

  it('Escape closes the list and keeps the chosen task', () => {
    const root = mount(<Picker tasks={createTaskSource(pickableNodes(TREE), TREE)} />);
    const input = byRole(root, 'combobox', 'Task') as HTMLInputElement;
    type(input, 'meet');
    press(input, 'Enter');
    type(input, 'adm');

    press(input, 'Escape');

    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Meetings');
  });

  it('stays open while a button beside it is pressed, so the press lands where it was aimed, and closes after', async () => {
    const pressed = vi.fn();
    const root = mount(
      <form>
        <Picker tasks={createTaskSource(pickableNodes(TREE), TREE)} />
        <input aria-label="Note" />
        <button type="button" onClick={pressed}>
          Start timer
        </button>
      </form>,
    );
    const input = byRole(root, 'combobox', 'Task') as HTMLInputElement;
    const start = byRole(root, 'button', 'Start timer');
    press(input, 'ArrowDown');
    // The pointer goes down on the button: the focus moves there first.
    act(() => void input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: start })));
    expect(input.getAttribute('aria-expanded')).toBe('true');
    act(() => start.click());
    expect(pressed).toHaveBeenCalledTimes(1);
    await until(() => expect(input.getAttribute('aria-expanded')).toBe('false'));

    // Anything else that takes the focus closes it at once.
    press(input, 'ArrowDown');
    act(() => void input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: root.querySelector('input[aria-label=Note]') })));
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('says the tasks are loading until the tree arrives', async () => {
    const root = mount(<Picker tasks={null} />);
    const input = byRole(root, 'combobox', 'Task') as HTMLInputElement;
    type(input, 'meet');
    expect(byRole(root, 'status').textContent).toBe('Loading tasks…');
  });

  it('renders only the visible rows of 10,000 tasks, and the rows scrolled to', async () => {
    const nodes = manyTasks(10_000);
    const root = mount(<Picker tasks={createTaskSource(nodes)} />);
    const input = byRole(root, 'combobox', 'Task') as HTMLInputElement;

    press(input, 'ArrowDown');
    const rendered = allByRole(root, 'option');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(20);
    expect(rendered[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(byRole(root, 'status').textContent).toBe('10,000 tasks');

    const list = byRole(root, 'listbox');
    act(() => {
      list.scrollTop = 5000 * ROW_HEIGHT;
      list.dispatchEvent(new Event('scroll'));
    });
    await until(() => expect(allByRole(root, 'option').some((option) => option.getAttribute('aria-posinset') === '5001')).toBe(true));
    expect(allByRole(root, 'option').length).toBeLessThan(20);

    // Keyboard paging keeps the active row rendered (aria-activedescendant must point at an element).
    press(input, 'PageDown');
    expect(document.getElementById(input.getAttribute('aria-activedescendant')!)).not.toBeNull();
  });

  it('lists every match of a query that thousands of tasks match, in the ranking, down to the last when scrolled there', async () => {
    const nodes = manyTasks(10_000);
    const source = createTaskSource(nodes);
    const root = mount(<Picker tasks={source} />);
    const input = byRole(root, 'combobox', 'Task') as HTMLInputElement;
    type(input, 'task');

    const ranked = source.index().search('task');
    // Every task but the project above them.
    expect(ranked).toHaveLength(9_999);
    expect(byRole(root, 'status').textContent).toBe('9,999 tasks');
    expect(allByRole(root, 'option')[0]!.textContent).toContain(ranked[0]!.name);

    const list = byRole(root, 'listbox');
    act(() => {
      list.scrollTop = 10_000 * ROW_HEIGHT;
      list.dispatchEvent(new Event('scroll'));
    });
    await until(() => expect(allByRole(root, 'option').at(-1)?.getAttribute('aria-posinset')).toBe('9999'));
    expect(allByRole(root, 'option').at(-1)!.textContent).toContain(ranked.at(-1)!.name);
  });

  it('keeps the active row rendered while arrowing far down the list', () => {
    const root = mount(<Picker tasks={createTaskSource(manyTasks(10_000))} />);
    const input = byRole(root, 'combobox', 'Task') as HTMLInputElement;
    press(input, 'ArrowDown');
    for (let i = 0; i < 40; i++) press(input, 'ArrowDown');

    const active = document.getElementById(input.getAttribute('aria-activedescendant')!);
    expect(active?.getAttribute('aria-posinset')).toBe('41');
    expect(allByRole(root, 'option').length).toBeLessThan(20);
  });
});
