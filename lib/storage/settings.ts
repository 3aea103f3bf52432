import { storage } from 'wxt/utils/storage';
import type { IssueTaskSettings } from '@/lib/tasks/resolve-issue';

/** The user's preferences; the options page edits them, the background reads them. */
export interface Settings extends IssueTaskSettings {
  /** How a timer started from an issue is noted: `{key}`, `{title}`, `{project}`, `{url}`. */
  noteTemplate: string;
  /** What a tracker's button does: start at once when it knows the task, or always let the user confirm. */
  buttonClick: 'start' | 'confirm';
  /** Integrations the user switched off (all are on by default). */
  disabledIntegrations: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  noteTemplate: '{key} {title}',
  buttonClick: 'start',
  disabledIntegrations: [],
  createTasks: false,
  defaultTaskId: null,
  defaultTaskByIntegration: {},
  parentTaskByIntegration: {},
};

export const settings = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });
