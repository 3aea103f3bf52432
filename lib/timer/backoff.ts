const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 5 * 60_000;

/**
 * How long to wait before sending the queue again after `failures` failed
 * attempts in a row: doubling from 5 s to 5 min, with jitter so browsers that
 * failed together do not come back together; a server's Retry-After wins.
 */
export function retryDelay(failures: number, retryAfterMs: number | undefined, random = Math.random): number {
  if (retryAfterMs !== undefined) return Math.max(retryAfterMs, 1_000);
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
