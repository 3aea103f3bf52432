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

/** An element's link target as an absolute URL, or null. */
export function linkOf(element: Element | null | undefined, base: URL): URL | null {
  const href = element?.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}
