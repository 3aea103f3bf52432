// Plain DOM for the in-page UI: it ships inside every tracker page, where a few hundred bytes
// matter more than a component library. Strings become text nodes: page text stays text.

type Prop = string | boolean | EventListener | undefined;

/** `h('button', { type: 'button', onclick }, 'Start')`: attributes, `on…` listeners, text or node children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, Prop> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (typeof value === 'string') element.setAttribute(name, value);
    else if (value) element.setAttribute(name, '');
  }
  element.append(...children);
  return element;
}

/** Only the user's own clicks and keys act; a page script's synthetic events do nothing. */
export const trusted =
  (handler: (event: Event) => void): EventListener =>
  (event) => {
    if (event.isTrusted === true) handler(event);
  };

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
