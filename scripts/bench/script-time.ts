import type { BrowserContext, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { url: string };
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Main-thread time spent in the extension's own scripts while `action` runs, from the DevTools
 * sampling profiler: samples whose frame is one of our files (`chrome-extension://…`) are ours,
 * whatever the page does meanwhile. Beside it, the page's own script time in the same samples
 * (frames from the page's origin): a baseline that a slower machine moves as much as ours.
 */
export async function scriptTimes(context: BrowserContext, page: Page, action: () => Promise<void>): Promise<{ ours: number; page: number }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.detach();

  const origin = new URL(page.url()).origin;
  const ours = new Set(profile.nodes.filter((node) => node.callFrame.url.startsWith('chrome-extension://')).map((node) => node.id));
  const pages = new Set(profile.nodes.filter((node) => node.callFrame.url.startsWith(`${origin}/`)).map((node) => node.id));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let oursMicros = 0;
  let pageMicros = 0;
  // A sample's time is the gap to the next one: the stretch it stands for.
  for (let i = 0; i < samples.length; i++) {
    if (ours.has(samples[i]!)) oursMicros += deltas[i + 1] ?? 0;
    else if (pages.has(samples[i]!)) pageMicros += deltas[i + 1] ?? 0;
  }
  return { ours: oursMicros / 1000, page: pageMicros / 1000 };
}

/** Until the page has rendered twice more: the observer's animation-frame batch has run. */
export const settleFrames = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));
