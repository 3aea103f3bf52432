
// Each update reads the whole item and writes it back. Two updates started
// together (two tabs, a refresh racing a created task) would each write what
// they read and one would be lost, so updates of one item run one after
// another. The queue lives in one page or worker: each item has one writing
// context (the background, or the options page for the user's own lists).
const queues = new WeakMap<object, Promise<unknown>>();

/** Replaces `item`'s value with `update(current)`, after every earlier update of the same item finished. */
export function updateItem<T>(item: { getValue(): Promise<T>; setValue(value: T): Promise<void> }, update: (current: T) => T): Promise<T> {
  const run = async () => {
    const next = update(await item.getValue());
    await item.setValue(next);
    return next;
  };
  const previous = queues.get(item) ?? Promise.resolve();
  const result = previous.then(run, run);
  queues.set(item, result.catch(() => undefined));
  return result;
}
