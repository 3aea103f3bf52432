import type { TaskChoice } from '@/lib/messaging/protocol';
import { h, messageOf, trusted } from './dom';

export interface PickerOptions {
  /** The note to start with, editable. */
  note: string;
  /** Shown before anything is typed. */
  suggestions: TaskChoice[];
  search(query: string): Promise<TaskChoice[]>;
  start(task: TaskChoice, note: string): Promise<void>;
}

/**
 * The content of the popover that picks a task for an issue: a search box (a combobox over the
 * task list: arrow keys move, Enter takes the task and goes to the note), the note, Start and
 * Cancel. Closes after a successful start; a failure stays visible in the popover.
 */
export function taskPicker(heading: string, options: PickerOptions, close: () => void): Node[] {
  let tasks = options.suggestions;
  let active = tasks.length ? 0 : -1;
  let asked = 0;
  let starting = false;
  const list = h('ul', { role: 'listbox', id: 'tc-tasks', 'aria-label': 'Tasks' });
  const query = h('input', {
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'true',
    'aria-controls': 'tc-tasks',
    autocomplete: 'off',
    placeholder: 'Search tasks',
  });
  const note = h('input', { type: 'text', autocomplete: 'off' });
  note.value = options.note;
  const status = h('p', { class: 's', role: 'status' });
  const go = h('button', { type: 'button', class: 'go' }, 'Start');

  const choose = (index: number) => {
    active = index;
    show();
  };
  const show = () => {
    list.replaceChildren(
      ...tasks.map((task, i) =>
        h(
          'li',
          { role: 'option', id: `tc-o${i}`, 'aria-selected': String(i === active), onclick: trusted(() => (choose(i), note.focus())) },
          task.name,
          h('small', {}, task.path),
        ),
      ),
    );
    if (active < 0) query.removeAttribute('aria-activedescendant');
    else query.setAttribute('aria-activedescendant', `tc-o${active}`);
    list.querySelector('[aria-selected=true]')?.scrollIntoView?.({ block: 'nearest' });
    go.disabled = active < 0 || starting;
    status.textContent = tasks.length ? '' : query.value.trim() ? 'No task matches.' : 'Type to find a task.';
  };
  const submit = async () => {
    const task = tasks[active];
    if (!task || starting) return;
    starting = go.disabled = true;
    status.textContent = 'Starting…';
    try {
      await options.start(task, note.value.trim());
      close();
    } catch (error) {
      starting = go.disabled = false;
      status.textContent = `The timer did not start: ${messageOf(error)}`;
    }
  };

  query.addEventListener('input', async () => {
    const mine = ++asked;
    const text = query.value.trim();
    try {
      const found = text ? await options.search(text) : options.suggestions;
      if (mine !== asked) return; // an older answer arriving late
      tasks = found;
      choose(found.length ? 0 : -1);
    } catch (error) {
      if (mine === asked) status.textContent = `Search failed: ${messageOf(error)}`;
    }
  });
  query.addEventListener(
    'keydown',
    trusted((event) => {
      const { key } = event as KeyboardEvent;
      if ((key === 'ArrowDown' || key === 'ArrowUp') && tasks.length) {
        event.preventDefault();
        const step = key === 'ArrowDown' ? 1 : tasks.length - 1;
        choose(active < 0 ? 0 : (active + step) % tasks.length);
      } else if (key === 'Enter' && active >= 0) {
        event.preventDefault();
        note.focus();
      }
    }),
  );
  note.addEventListener(
    'keydown',
    trusted((event) => {
      if ((event as KeyboardEvent).key !== 'Enter') return;
      event.preventDefault();
      void submit();
    }),
  );
  go.addEventListener('click', trusted(() => void submit()));
  show();

  return [
    h('p', { class: 'h' }, heading),
    h('label', {}, 'Task', query),
    list,
    h('label', {}, 'Note', note),
    status,
    h('div', { class: 'r' }, go, h('button', { type: 'button', onclick: trusted(close) }, 'Cancel')),
  ];
}
