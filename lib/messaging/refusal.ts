/**
 * A message the background will not act on: wrong sender or malformed payload.
 * @webext-core/messaging serialises the error back to the sender, so the
 * message text is what the caller sees and must say what was wrong.
 */
export class MessageRefusedError extends Error {
  override name = 'MessageRefusedError';
}
