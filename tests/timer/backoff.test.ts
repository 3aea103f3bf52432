import { describe, expect, it } from 'vitest';
import { retryDelay } from '@/lib/timer/backoff';

// How long the queue waits before it sends again. `random` picks where in the jitter window the
// wait falls: 0 is its shortest end, 1 its longest.

const shortest = () => 0;
const longest = () => 1;
const SECOND = 1_000;

describe('the wait before sending the queue again', () => {
  it('doubles from 5 s with each failure in a row, up to 5 min', () => {
    const longestWaits = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((failures) => retryDelay(failures, undefined, longest));
    expect(longestWaits).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300].map((s) => s * SECOND));
  });

  it('falls between half and all of that ceiling, so browsers that failed together come back apart', () => {
    expect(retryDelay(3, undefined, shortest)).toBe(10 * SECOND);
    expect(retryDelay(3, undefined, () => 0.5)).toBe(15 * SECOND);
    expect(retryDelay(3, undefined, longest)).toBe(20 * SECOND);
    expect(retryDelay(9, undefined, shortest)).toBe(150 * SECOND);
  });

  it('waits as after a first failure when none is counted yet', () => {
    expect(retryDelay(0, undefined, longest)).toBe(5 * SECOND);
    expect(retryDelay(0, undefined, shortest)).toBe(2.5 * SECOND);
  });

  it("takes the server's Retry-After instead, but never less than a second", () => {
    expect(retryDelay(6, 42 * SECOND, longest)).toBe(42 * SECOND);
    expect(retryDelay(1, 0, longest)).toBe(SECOND);
  });
});
