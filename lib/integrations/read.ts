// Small readers for site files. Page text is data: only `textContent` and `.value`, never markup.

/** The text of an element (an input's or textarea's value), whitespace collapsed; '' for null. */
export function textOf(element: Element | null | undefined): string {
  if (!element) return '';
  const raw = element.matches('input, textarea') ? (element as HTMLInputElement).value : element.textContent;
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of the first element under `root` matching `selector`, or ''. */
export function firstText(root: ParentNode | null | undefined, selector: string): string {
  return textOf(root?.querySelector(selector));
}

/** An address as an absolute URL (relative ones against `base`), or null. */
export function urlOf(href: string | null | undefined, base: URL): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** An element's link target as an absolute URL, or null. */
export function linkOf(element: Element | null | undefined, base: URL): URL | null {
  return urlOf(element?.getAttribute('href'), base);
}

/**
 * The match of `selector` nearest to `from`: `from` itself, else inside it, else inside its parent,
 * and so on up. On a page that shows one issue that is the page's; in a list, the row's own.
 */
export function nearest(from: Element, selector: string): Element | null {
  for (let at: Element | null = from; at; at = at.parentElement) {
    const found = at.matches(selector) ? at : at.querySelector(selector);
    if (found) return found;
  }
  return null;
}
