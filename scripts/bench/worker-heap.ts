import type { BrowserContext, Page } from 'playwright-core';

/**
 * The service worker's used JS heap, through the DevTools protocol: a worker
 * has no `performance.memory`, and Playwright opens protocol sessions to
 * pages only, so this attaches to the worker's target from a page's session.
 */
export async function workerHeapBytes(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  if (!worker) throw new Error('the extension has no running service worker');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };

  let nextId = 1;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      const onMessage = (event: { sessionId: string; message: string }) => {
        const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
        if (event.sessionId === sessionId && reply.id === id) {
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(reply.result ?? {});
        }
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });

  await call('HeapProfiler.collectGarbage');
  const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize;
}
