import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export { ACCOUNT, choose, click, mount, press, type, until, type FakeBackground } from '../views/harness';
export { useViewTestBrowser as useOptionsTestBrowser } from '../views/harness';

/** What the browser declares for the extension, as far as giving access back reads it. */
export const MANIFEST = { manifest_version: 3, host_permissions: ['https://app.timecamp.com/*'], optional_host_permissions: ['*://*/*'] };

type PermissionEvent = { trigger(change: { origins: string[] }): Promise<unknown> };
const permissionEvents = fakeBrowser.permissions as unknown as { onAdded: PermissionEvent; onRemoved: PermissionEvent };

/**
 * Stubs the browser's permissions: `request` answers `granted` (and, granted, remembers the
 * origins), `remove` forgets them, `getAll` lists them, `contains` checks them; `origins` holds
 * what is granted now, starting with `alreadyGranted`. Grants and removals fire `onAdded` and
 * `onRemoved`, as the browser does; `revoke` takes access back as the browser's settings would.
 */
export function stubPermissions(granted: boolean, alreadyGranted: string[] = []) {
  const origins = new Set(alreadyGranted);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(MANIFEST as never);
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins: [...origins], permissions: [] }));
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (asked) => (asked.origins ?? []).every((origin) => origins.has(origin)));
  const remove = async (given: string[]) => {
    given.forEach((origin) => origins.delete(origin));
    await permissionEvents.onRemoved.trigger({ origins: given });
  };
  return {
    origins,
    request: vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (asked) => {
      if (!granted) return false;
      asked.origins?.forEach((origin) => origins.add(origin));
      await permissionEvents.onAdded.trigger({ origins: asked.origins ?? [] });
      return true;
    }),
    remove: vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (given) => {
      await remove(given.origins ?? []);
      return true;
    }),
    revoke: remove,
  };
}

// ---- Finding things the way a user (or a screen reader) does ----

/** The form control whose `<label for>` (or aria-label) is exactly `label`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const labelled = [...root.querySelectorAll('label')]
    .filter((element) => element.textContent?.trim() === label)
    .map((element) => (element.htmlFor ? root.querySelector(`#${CSS.escape(element.htmlFor)}`) : element.querySelector('input, select')));
  const named = [...root.querySelectorAll(`[aria-label="${label}"]`)];
  const all = [...labelled, ...named].filter((element): element is Element => element !== null);
  if (all.length !== 1) throw new Error(`expected one field labelled "${label}", found ${all.length}`);
  return all[0] as T;
}

/** The one button named `name` (its aria-label, else its text). */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = buttons(root, name);
  if (found.length !== 1) throw new Error(`expected one button named "${name}", found ${found.length}`);
  return found[0]!;
}

export function buttons(root: ParentNode, name: string): HTMLButtonElement[] {
  return [...root.querySelectorAll('button')].filter((element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name);
}

/** The text of the elements a field's `aria-describedby` names: what a screen reader reads after its name. */
export function descriptionOf(field: Element): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** The page's polite confirmations, joined. */
export function notices(root: ParentNode): string {
  return [...root.querySelectorAll('[aria-live="polite"]')].map((element) => element.textContent).join(' ');
}
