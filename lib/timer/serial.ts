/**
 * Runs async updates one after another. Storage updates read, change and
 * write a whole item; two interleaved ones would lose one of the changes.
 */
export function createSerial() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serial<T>(update: () => Promise<T>): Promise<T> {
    const next = tail.then(update, update);
    tail = next.catch(() => undefined);
    return next;
  };
}
