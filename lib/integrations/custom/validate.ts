import type { CustomIntegration } from '@/lib/storage/domains';
import type { Position } from '../define';
import { isDomain } from '../domain';

/** What is wrong with a field: content scripts need no more; the options page words it (`problemText`). */
export type CustomIntegrationProblem = 'missing' | 'too-long' | 'invalid';
/** The problem of each field of a custom integration; empty when there is none. */
export type CustomIntegrationProblems = Partial<Record<keyof CustomIntegration, CustomIntegrationProblem>>;
/** What is wrong with each field, in words for the options page's form. */
export type CustomIntegrationErrors = Partial<Record<keyof CustomIntegration, string>>;

const POSITIONS: readonly Position[] = ['before', 'after', 'inside', 'prepend'];
const MAX_PATTERN = 500;
const MAX_NAME = 80;

function selectorProblem(text: string, required: boolean): CustomIntegrationProblem | undefined {
  if (!text) return required ? 'missing' : undefined;
  if (text.length > MAX_PATTERN) return 'too-long';
  // Without a page to parse it (the background), the check waits for the page that uses it.
  if (typeof document === 'undefined') return undefined;
  try {
    document.createDocumentFragment().querySelector(text);
    return undefined;
  } catch {
    return 'invalid';
  }
}

function patternProblem(text: string): CustomIntegrationProblem | undefined {
  if (!text) return 'missing';
  if (text.length > MAX_PATTERN) return 'too-long';
  try {
    new RegExp(text);
    return undefined;
  } catch {
    return 'invalid';
  }
}

/** A string field as stored, trimmed; '' for anything else. */
const textOf = (item: Record<string, unknown>, field: keyof CustomIntegration) => (typeof item[field] === 'string' ? (item[field] as string).trim() : '');

/**
 * Checks a custom integration as the options page's form holds it (or as storage holds it, from
 * anywhere: anything not an object is all wrong). Pure: it compiles the pattern and parses the
 * selectors, nothing runs. Content scripts skip items with problems quietly.
 */
export function customIntegrationProblems(data: unknown): CustomIntegrationProblems {
  const item = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const text = (field: keyof CustomIntegration) => textOf(item, field);
  const problems: CustomIntegrationProblems = {
    id: /^[A-Za-z0-9_-]{1,64}$/.test(text('id')) ? undefined : 'invalid',
    name: !text('name') ? 'missing' : text('name').length > MAX_NAME ? 'too-long' : undefined,
    domain: isDomain(text('domain')) ? undefined : 'invalid',
    pathPattern: patternProblem(text('pathPattern')),
    anchor: selectorProblem(text('anchor'), true),
    position: POSITIONS.includes(item.position as Position) ? undefined : 'invalid',
    title: selectorProblem(text('title'), true),
    // Optional: without it the key is the last number in the page's path.
    key: typeof item.key === 'string' || item.key === undefined ? selectorProblem(text('key'), false) : 'invalid',
  };
  for (const field of Object.keys(problems) as Array<keyof CustomIntegration>) if (!problems[field]) delete problems[field];
  return problems;
}

/** Whether storage's item is a usable custom integration. */
export function isValidCustomIntegration(data: unknown): data is CustomIntegration {
  return Object.keys(customIntegrationProblems(data)).length === 0;
}

const SELECTOR_TEXT = { missing: 'Enter a CSS selector.', 'too-long': `Keep it under ${MAX_PATTERN} characters.`, invalid: 'This is not a CSS selector the browser understands.' };
const TEXT: Record<keyof CustomIntegration, Partial<Record<CustomIntegrationProblem, string>>> = {
  id: { invalid: 'An id of 1–64 letters, digits, - or _ is needed.' },
  name: { missing: 'Enter a name.', 'too-long': `Keep the name under ${MAX_NAME} characters.` },
  domain: { invalid: 'Enter a host name such as tickets.example.com (a port is allowed; no https:// and no path).' },
  pathPattern: { missing: 'Enter a regular expression for the paths of issue pages, e.g. ^/tickets/\\d+', 'too-long': `Keep it under ${MAX_PATTERN} characters.`, invalid: 'This is not a regular expression.' },
  anchor: SELECTOR_TEXT,
  position: { invalid: `Choose one of: ${POSITIONS.join(', ')}.` },
  title: SELECTOR_TEXT,
  key: SELECTOR_TEXT,
};

/** A field's problem in words, for the options page (never bundled into a tracker page). */
export function problemText(field: keyof CustomIntegration, problem: CustomIntegrationProblem): string {
  return TEXT[field][problem] ?? '';
}

/** `customIntegrationProblems` in words, the regular expression's own complaint included. */
export function validateCustomIntegration(data: unknown): CustomIntegrationErrors {
  const errors: CustomIntegrationErrors = {};
  const problems = customIntegrationProblems(data);
  for (const [field, problem] of Object.entries(problems) as Array<[keyof CustomIntegration, CustomIntegrationProblem]>) errors[field] = problemText(field, problem);
  if (problems.pathPattern === 'invalid') {
    try {
      new RegExp(textOf(data as Record<string, unknown>, 'pathPattern'));
    } catch (error) {
      errors.pathPattern = `This is not a regular expression: ${(error as Error).message}`;
    }
  }
  return errors;
}
