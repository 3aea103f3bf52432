// Computer activities behind the demo user's recent entries: which applications and window
// titles filled each block of time, as TimeCamp's desktop app would have reported them.
import type { Application, Entry, AccountData } from '../state.ts';
import { formatTimeOfDay, parseTimeOfDay } from '../zone.ts';
import { Random } from './random.ts';
import type { LandmarkKey } from './tasks.ts';

interface Window {
  app: string;
  domain?: string;
  title: string;
}

const CATEGORY = { browser: 6, development: 2, communication: 4, design: 5 } as const;

const APPLICATIONS: Omit<Application, 'application_id'>[] = [
  { app_name: 'Internet', aditional_info: 'github.com', full_name: null, category_id: CATEGORY.browser },
  { app_name: 'Internet', aditional_info: 'acme.atlassian.net', full_name: null, category_id: CATEGORY.browser },
  { app_name: 'Internet', aditional_info: 'gitlab.com', full_name: null, category_id: CATEGORY.browser },
  { app_name: 'Internet', aditional_info: 'redmine.example.org', full_name: null, category_id: CATEGORY.browser },
  { app_name: 'Internet', aditional_info: 'trello.com', full_name: null, category_id: CATEGORY.browser },
  { app_name: 'Internet', aditional_info: 'app.asana.com', full_name: null, category_id: CATEGORY.browser },
  { app_name: 'Internet', aditional_info: 'stackoverflow.com', full_name: null, category_id: CATEGORY.browser },
  { app_name: 'Code', aditional_info: '', full_name: 'Visual Studio Code', category_id: CATEGORY.development },
  { app_name: 'Terminal', aditional_info: '', full_name: 'Terminal', category_id: CATEGORY.development },
  { app_name: 'Slack', aditional_info: '', full_name: 'Slack', category_id: CATEGORY.communication },
  { app_name: 'zoom.us', aditional_info: '', full_name: 'Zoom', category_id: CATEGORY.communication },
  { app_name: 'Figma', aditional_info: '', full_name: 'Figma', category_id: CATEGORY.design },
];

const CHAT: Window = { app: 'Slack', title: '#dev-team | Bright Pixel - Slack' };
const SEARCH: Window = {
  app: 'Internet',
  domain: 'stackoverflow.com',
  title: 'How to debounce a MutationObserver callback - Stack Overflow',
};

const WINDOWS: Partial<Record<LandmarkKey, Window[]>> = {
  githubIssue: [
    { app: 'Internet', domain: 'github.com', title: 'Fix login redirect · Issue #12 · octo/hello-world' },
    { app: 'Code', title: 'redirect.ts — hello-world — Visual Studio Code' },
    { app: 'Terminal', title: 'npm test — hello-world' },
  ],
  githubPr: [
    { app: 'Internet', domain: 'github.com', title: 'Dark mode toggle by alex-rivera · Pull Request #40 · octo/hello-world' },
    { app: 'Code', title: 'theme.css — hello-world — Visual Studio Code' },
  ],
  jiraIssue: [
    { app: 'Internet', domain: 'acme.atlassian.net', title: '[PROJ-7] Export fails - Jira' },
    { app: 'Code', title: 'csv-export.ts — data-platform — Visual Studio Code' },
  ],
  gitlabIssue: [
    { app: 'Internet', domain: 'gitlab.com', title: 'Crash on start (#5) · Issues · acme / app · GitLab' },
    { app: 'Terminal', title: 'adb logcat — app' },
  ],
  redmineIssue: [
    { app: 'Internet', domain: 'redmine.example.org', title: 'Bug #123: Password reset email - Customer Portal - Redmine' },
  ],
  trelloCard: [
    { app: 'Internet', domain: 'trello.com', title: 'Update product cards | Storefront | Trello' },
    { app: 'Figma', title: 'Product card – Storefront – Figma' },
  ],
  asanaTask: [{ app: 'Internet', domain: 'app.asana.com', title: 'Homepage copy review - Marketing Site - Asana' }],
  internalMeetings: [{ app: 'zoom.us', title: 'Zoom Meeting' }],
};

export function addActivities(state: AccountData, landmarks: Record<LandmarkKey, number>, entries: Entry[]): void {
  const appIds = new Map<string, number>();
  for (const app of APPLICATIONS) {
    state.ids.application += 1;
    state.applications.set(state.ids.application, { application_id: state.ids.application, ...app });
    appIds.set(`${app.app_name}|${app.aditional_info}`, state.ids.application);
  }
  const titleIds = new Map<string, number>();
  const titleId = (title: string) => {
    let id = titleIds.get(title);
    if (id === undefined) {
      state.ids.windowTitle += 1;
      id = state.ids.windowTitle;
      state.windowTitles.set(id, { window_title_id: id, window_title: title });
      titleIds.set(title, id);
    }
    return id;
  };
  const landmarkOf = new Map<number, LandmarkKey>(
    (Object.entries(landmarks) as [LandmarkKey, number][]).map(([key, id]) => [id, key]),
  );

  const rng = new Random(7);
  for (const entry of entries) {
    const windows = [...(WINDOWS[landmarkOf.get(entry.task_id) as LandmarkKey] ?? []), CHAT, SEARCH];
    const start = parseTimeOfDay(entry.start_time) ?? 0;
    const end = start + entry.duration;
    for (let t = start; t < end; ) {
      const spanEnd = Math.min(end, t + rng.int(2, 9) * 60 + rng.int(0, 59));
      // Mostly the task's own windows, now and then chat or a search.
      const window = rng.next() < 0.8 ? (windows[rng.int(0, Math.max(0, windows.length - 3))] as Window) : rng.pick(windows);
      state.activities.push({
        user_id: entry.user_id,
        application_id: appIds.get(`${window.app}|${window.domain ?? ''}`) as number,
        window_title_id: titleId(window.title),
        end_time: `${entry.date} ${formatTimeOfDay(spanEnd)}`,
        time_span: spanEnd - t,
        task_id: entry.task_id,
        entry_id: entry.id,
      });
      t = spanEnd;
    }
  }
}
