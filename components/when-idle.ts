/** Runs `work` when the browser is idle (soon after the first paint), or on a timeout where there is no idle callback. */
export function whenIdle(work: () => void): () => void {
  const idle = globalThis as unknown as {
    requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
    cancelIdleCallback?: (handle: number) => void;
  };
  if (idle.requestIdleCallback && idle.cancelIdleCallback) {
    const handle = idle.requestIdleCallback(work, { timeout: 500 });
    return () => idle.cancelIdleCallback!(handle);
  }
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}
