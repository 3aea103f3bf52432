import type { CustomIntegration } from '@/lib/storage/domains';
import type { Position } from '../define';
import { isDomain } from '../domain';

/** What is wrong with each field of a custom integration, in words for the options page's form; empty when nothing is. */
export type CustomIntegrationErrors = Partial<Record<keyof CustomIntegration, string>>;

const POSITIONS: readonly Position[] = ['before', 'after', 'inside', 'prepend'];
const MAX_PATTERN = 500;

function selectorError(text: string, required: boolean): string | undefined {
  if (!text) return required ? 'Enter a CSS selector.' : undefined;
  if (text.length > MAX_PATTERN) return `Keep it under ${MAX_PATTERN} characters.`;
  // Without a page to parse it (the background), the check waits for the page that uses it.
  if (typeof document === 'undefined') return undefined;
  try {
    document.createDocumentFragment().querySelector(text);
    return undefined;
  } catch {
    return 'This is not a CSS selector the browser understands.';
  }
}

function patternError(text: string): string | undefined {
  if (!text) return 'Enter a regular expression for the paths of issue pages, e.g. ^/tickets/\\d+';
  if (text.length > MAX_PATTERN) return `Keep it under ${MAX_PATTERN} characters.`;
  try {
    new RegExp(text);
    return undefined;
  } catch (error) {
    return `This is not a regular expression: ${(error as Error).message}`;
  }
}

/**
 * Checks a custom integration as the options page's form holds it (or as storage holds it, from
 * anywhere: anything not an object is all wrong). Pure: it compiles the pattern and parses the
 * selectors, nothing runs. Content scripts skip items with errors quietly.
 */
export function validateCustomIntegration(data: unknown): CustomIntegrationErrors {
  const item = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const text = (field: keyof CustomIntegration) => (typeof item[field] === 'string' ? (item[field] as string).trim() : '');
  const errors: CustomIntegrationErrors = {
    id: /^[A-Za-z0-9_-]{1,64}$/.test(text('id')) ? undefined : 'An id of 1–64 letters, digits, - or _ is needed.',
    name: !text('name') ? 'Enter a name.' : text('name').length > 80 ? 'Keep the name under 80 characters.' : undefined,
    domain: isDomain(text('domain')) ? undefined : 'Enter a host name such as tickets.example.com (a port is allowed; no https:// and no path).',
    pathPattern: patternError(text('pathPattern')),
    anchor: selectorError(text('anchor'), true),
    position: POSITIONS.includes(item.position as Position) ? undefined : `Choose one of: ${POSITIONS.join(', ')}.`,
    title: selectorError(text('title'), true),
    // Optional: without it the key is the last number in the page's path.
    key: typeof item.key === 'string' || item.key === undefined ? selectorError(text('key'), false) : 'Enter a CSS selector or leave it empty.',
  };
  for (const field of Object.keys(errors) as Array<keyof CustomIntegration>) if (!errors[field]) delete errors[field];
  return errors;
}

/** Whether storage's item is a usable custom integration. */
export function isValidCustomIntegration(data: unknown): data is CustomIntegration {
  return Object.keys(validateCustomIntegration(data)).length === 0;
}
