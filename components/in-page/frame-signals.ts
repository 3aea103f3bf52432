/**
 * What the picker frame (entrypoints/picker) tells the button that opened it, over the port the
 * button handed it (components/in-page/picker-frame.ts): the id of its line to the background
 * (which the button's press names, so the session goes straight to it), how tall it wants to be,
 * and that it is done (closed, a timer started, or a calendar event added as entries). Never task data: the button lives in the tracker's page.
 */
export type FrameSignal = { type: 'ready'; id: string } | { type: 'size'; height: number } | { type: 'close' } | { type: 'started' } | { type: 'added' };

/**
 * What the button tells the frame on the same port once the user pressed (the frame may have
 * loaded long before, when the pointer came near): that it shows the frame, with a token for the
 * press's session unless the background sent the session to the frame itself.
 */
export type SessionSignal = { type: 'shown'; token?: string };

/** `data` as a signal, or null when it is not one. */
export function asFrameSignal(data: unknown): FrameSignal | null {
  const { type, height, id } = (data ?? {}) as { type?: unknown; height?: unknown; id?: unknown };
  if (type === 'close' || type === 'started' || type === 'added') return { type };
  if (type === 'ready' && typeof id === 'string' && id.length > 0 && id.length <= 100) return { type, id };
  if (type === 'size' && typeof height === 'number' && Number.isFinite(height) && height >= 0) return { type, height };
  return null;
}
