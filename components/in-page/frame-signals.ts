/**
 * What the picker frame (entrypoints/picker) tells the button that opened it, over the port the
 * button handed it (components/in-page/picker-frame.ts): how tall it wants to be, and that it is
 * done. Sizes and events, never task data: the button lives in the tracker's page.
 */
export type FrameSignal = { type: 'size'; height: number } | { type: 'close' } | { type: 'started' };

/**
 * What the button tells the frame on the same port: the session the background opened for the
 * press, once there is one (the frame may have loaded long before, when the pointer came near).
 */
export interface SessionSignal {
  type: 'session';
  token: string;
}

/** `data` as a signal, or null when it is not one. */
export function asFrameSignal(data: unknown): FrameSignal | null {
  const { type, height } = (data ?? {}) as { type?: unknown; height?: unknown };
  if (type === 'close' || type === 'started') return { type };
  if (type === 'size' && typeof height === 'number' && Number.isFinite(height) && height >= 0) return { type, height };
  return null;
}
