import type { Sandbox } from '../../sandbox';

/**
 * Waits until TimeCamp (the sandbox) has had no request for `quietMs`: what
 * earlier steps set going (a sign-in's task tree and day, a view's sync) is
 * over, so the next step starts from a browser at rest.
 */
export async function untilQuiet(sandbox: Sandbox, quietMs = 2_500, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const seen = sandbox.requests.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    if (sandbox.requests.length === seen) return;
    if (Date.now() > end) throw new Error(`the sandbox still gets requests after ${timeoutMs / 1000} s`);
  }
}
