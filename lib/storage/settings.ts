import type { IssueTaskSettings } from '@/lib/tasks/resolve-issue';
import { defineTrustedItem } from './trusted';

/** The user's preferences; the options page edits them, the background reads them. */
export interface Settings extends IssueTaskSettings {
  /** How a timer started from an issue is noted: `{key}`, `{title}`, `{project}`, `{url}`. */
  noteTemplate: string;
  /** What a tracker's button does: start at once when it knows the task, or always let the user confirm. */
  buttonClick: 'start' | 'confirm';
  /** Integrations the user switched off (all are on by default). */
  disabledIntegrations: string[];
  /** Ask what to do with time spent away from the computer while a timer ran. */
  idleDetection: boolean;
  idleMinutes: number;
  /** Remind to track when no timer runs during working hours. */
  reminders: boolean;
  /** Working days (0 = Sunday) and hours, in the browser's time. */
  workingHours: { days: number[]; from: string; to: string };
  timeFormat: '24h' | '12h';
  /** `1:30` or `1.5` hours. */
  durationFormat: 'hh:mm' | 'decimal';
  /** Browser activity (lib/activity): off unless the user switches it on and grants the `tabs` permission. */
  activity: ActivitySettings;
}

export interface ActivitySettings {
  enabled: boolean;
  /** Page titles go with the domains only when the user also allows this. */
  titles: boolean;
  /** Domains never recorded, their subdomains included. */
  excluded: string[];
}

/** Mail and banking, excluded until the user says otherwise: examples to change, not a promise of completeness. */
export const DEFAULT_EXCLUDED_DOMAINS = [
  'mail.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'mail.yahoo.com',
  'paypal.com',
  'chase.com',
  'bankofamerica.com',
  'wellsfargo.com',
  'hsbc.com',
  'pkobp.pl',
  'mbank.pl',
  'ing.pl',
];

export const DEFAULT_SETTINGS: Settings = {
  noteTemplate: '{key} {title}',
  buttonClick: 'start',
  disabledIntegrations: [],
  idleDetection: false,
  idleMinutes: 10,
  reminders: false,
  workingHours: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
  timeFormat: '24h',
  durationFormat: 'hh:mm',
  activity: { enabled: false, titles: false, excluded: DEFAULT_EXCLUDED_DOMAINS },
  createTasks: false,
  defaultTaskId: null,
  defaultTaskByIntegration: {},
  parentTaskByIntegration: {},
};

export const settings = defineTrustedItem<Settings>('settings', { fallback: DEFAULT_SETTINGS });
