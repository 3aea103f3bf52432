import { expect } from 'vitest';
import type { Entry } from '@/lib/api';
import type { DaySummary } from '@/lib/entries/today';
import type { RunningTimer } from '@/lib/storage/timer';
import { accountKeyOf } from '@/lib/storage/account';
import { ACCOUNT } from '../views/harness';
import { accountDate } from '@/lib/timer/account-time';
import { buildTaskNodes, type TreeTask } from '@/lib/tasks/tree';

export { ACCOUNT, blur, click, mount, press, type, until, type FakeBackground, type SentMessage } from '../views/harness';
export { useViewTestBrowser as usePopupTestBrowser } from '../views/harness';

// ---- Queries by what a user (or a screen reader) perceives ----

/** The element's accessible name, as far as these views need: aria-label, aria-labelledby, <label for>, else its text. */
export function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const by = element.getAttribute('aria-labelledby');
  if (by) return by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
  if (element.id) {
    const forLabel = document.querySelector(`label[for="${element.id}"]`);
    if (forLabel) return forLabel.textContent?.trim() ?? '';
  }
  return element.textContent?.trim() ?? '';
}

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role=button]',
  combobox: '[role=combobox]',
  textbox: 'input:not([type]), input[type=text], input[type=password], input[type=url]',
  list: 'ul, ol, [role=list]',
  option: '[role=option]',
  listbox: '[role=listbox]',
  timer: '[role=timer]',
  alert: '[role=alert]',
  status: '[role=status]',
  link: 'a[href]',
  checkbox: 'input[type=checkbox]',
  form: 'form',
  meter: '[role=meter]',
};

/** Elements with `role` (explicit or implicit), optionally with exactly this accessible name. */
export function allByRole(root: ParentNode, role: string, name?: string): HTMLElement[] {
  const selector = ROLE_SELECTORS[role] ?? `[role=${role}]`;
  const found = [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => !element.closest('[hidden]'));
  return name === undefined ? found : found.filter((element) => nameOf(element) === name);
}

export function byRole(root: ParentNode, role: string, name?: string): HTMLElement {
  const found = allByRole(root, role, name);
  if (found.length !== 1) throw new Error(`expected one ${role}${name === undefined ? '' : ` named "${name}"`}, found ${found.length}`);
  return found[0]!;
}

export function queryByRole(root: ParentNode, role: string, name?: string): HTMLElement | null {
  return allByRole(root, role, name)[0] ?? null;
}

/** The form control labelled `label`. */
export function byLabel(root: ParentNode, label: string): HTMLInputElement {
  const labels = [...root.querySelectorAll('label')].filter((element) => element.textContent?.trim() === label);
  const controls = labels.map((element) => document.getElementById(element.getAttribute('for') ?? '')).filter(Boolean);
  const named = [...root.querySelectorAll(`[aria-label="${label}"]`)];
  const all = [...controls, ...named] as HTMLInputElement[];
  if (all.length !== 1) throw new Error(`expected one field labelled "${label}", found ${all.length}`);
  return all[0]!;
}

// ---- State the background would have stored ----

export const ACCOUNT_KEY = accountKeyOf(ACCOUNT);

const task = (taskId: number, parentId: number | null, name: string, extra: Partial<TreeTask> = {}): TreeTask => ({
  taskId,
  parentId,
  name,
  externalTaskId: null,
  archived: false,
  color: null,
  billable: false,
  ...extra,
});

/** A small tree: two clients, projects under them, a task linked to a GitHub issue, an archived one. */
export const TREE = buildTaskNodes([
  task(1, null, 'Acme', { color: '#e53935' }),
  task(2, 1, 'Website'),
  task(3, 2, 'Login redirect', { externalTaskId: 'github_issue_octo/repo#12' }),
  task(4, 2, 'Żółta strona'),
  task(5, null, 'Internal', { color: '#1e88e5' }),
  task(6, 5, 'Meetings'),
  task(7, 5, 'Admin'),
  task(8, 5, 'Old project', { archived: true }),
  task(9, 1, 'Consulting', { billable: true }),
]);

/** `count` flat tasks named `Task 1`… under one project, for virtualisation. */
export function manyTasks(count: number) {
  const tasks = [task(1, null, 'Big project')];
  for (let i = 2; i <= count; i++) tasks.push(task(i, 1, `Task ${i}`));
  return buildTaskNodes(tasks);
}

/** The account's today as the popup computes it (the browser's zone until the server has shown its own). */
export const TODAY = accountDate({ accountOffsetMinutes: null }, Date.now());

export function entry(fields: Partial<Entry> & { id: number }): Entry {
  return {
    durationSeconds: 3600,
    userId: ACCOUNT.user.userId,
    userName: 'Ada Lovelace',
    taskId: 6,
    taskName: 'Meetings',
    date: TODAY,
    startTime: '09:00:00',
    endTime: '10:00:00',
    note: '',
    billable: false,
    invoiceId: null,
    locked: false,
    addonsExternalId: null,
    modifiedAt: null,
    color: null,
    ...fields,
  };
}

export function day(entries: Entry[], extra: Partial<DaySummary> = {}): DaySummary {
  return { accountKey: ACCOUNT_KEY, date: TODAY, fetchedAt: 0, entries, weekSeconds: 36_000, attendance: null, away: [], ...extra };
}

/** A timer started from a GitHub issue a minute ago, on `Login redirect` of TREE. */
export const RUNNING: RunningTimer = {
  timerId: 31,
  entryId: 900,
  taskId: 3,
  taskName: 'Login redirect',
  taskPath: 'Acme › Website › Login redirect',
  externalTaskId: 'github_issue_octo/repo#12',
  note: 'Fix the redirect',
  billable: false,
  startedAt: Date.now() - 65_000,
  source: { integration: 'github', externalId: 'github_issue_octo/repo#12', key: '#12', title: 'Fix login redirect', url: 'https://github.com/octo/repo/issues/12' },
  startedHere: true,
  startId: null,
};

export { expect };
