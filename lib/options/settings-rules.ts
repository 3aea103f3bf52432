/** The placeholders a note template may use; `defaultNote` (lib/integrations/note.ts) fills them. */
export const NOTE_PLACEHOLDERS = ['key', 'title', 'project', 'url'] as const;

export type TemplateProblem = { problem: 'empty' } | { problem: 'long' } | { problem: 'unknown'; placeholder: string };

export const TEMPLATE_MAX_LENGTH = 200;

/**
 * Why a note template cannot be saved, or null when it can. An empty one
 * would start timers with no note; a misspelt placeholder (`{tittle}`) would
 * end up in every note as typed.
 */
export function checkNoteTemplate(template: string): TemplateProblem | null {
  if (template.trim() === '') return { problem: 'empty' };
  if (template.length > TEMPLATE_MAX_LENGTH) return { problem: 'long' };
  for (const [, name] of template.matchAll(/\{([^{}\s]+)\}/g)) {
    if (!(NOTE_PLACEHOLDERS as readonly string[]).includes(name!)) return { problem: 'unknown', placeholder: `{${name}}` };
  }
  return null;
}

export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 240;

/** The idle threshold as typed: whole minutes from 1 to 240 (four hours). */
export function parseIdleMinutes(text: string): { ok: true; minutes: number } | { ok: false; problem: 'number' | 'range' } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: 'number' };
  const minutes = Number(trimmed);
  if (minutes < IDLE_MINUTES_MIN || minutes > IDLE_MINUTES_MAX) return { ok: false, problem: 'range' };
  return { ok: true, minutes };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Why working hours cannot be saved, or null. Times are `HH:MM` (what
 * `<input type="time">` gives) and the day must end after it starts: hours
 * across midnight are not supported by the reminder.
 */
export function checkWorkingHours(from: string, to: string): 'from' | 'to' | 'order' | null {
  if (!TIME.test(from)) return 'from';
  if (!TIME.test(to)) return 'to';
  return from < to ? null : 'order';
}
