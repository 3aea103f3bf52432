import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ActivityService } from '@/lib/activity/service';
import { activityHandlers } from '@/lib/messaging/activity-handlers';
import { contentScript, popupPage } from '../messaging/deliver';

describe('the browser activity messages', () => {
  const service = { status: vi.fn(async () => ({ spans: 3, seconds: 90, oldestDay: '2026-11-27' })), deleteWaiting: vi.fn(async () => undefined) };
  const handlers = activityHandlers(service as unknown as ActivityService);
  beforeEach(() => {
    fakeBrowser.reset();
    vi.clearAllMocks();
  });

  it('answer the extension\'s own pages', async () => {
    await expect(handlers.activityStatus({ data: undefined, sender: popupPage() })).resolves.toEqual({ spans: 3, seconds: 90, oldestDay: '2026-11-27' });
    await handlers.deleteWaitingActivity({ data: undefined, sender: popupPage() });
    expect(service.deleteWaiting).toHaveBeenCalledTimes(1);
  });

  it('refuse content scripts, which run inside web pages, and payloads they do not take', async () => {
    await expect(handlers.activityStatus({ data: undefined, sender: contentScript() })).rejects.toThrow(/only the extension's own pages/);
    await expect(handlers.deleteWaitingActivity({ data: undefined, sender: contentScript() })).rejects.toThrow(/only the extension's own pages/);
    await expect(handlers.deleteWaitingActivity({ data: { account: 'other' }, sender: popupPage() })).rejects.toThrow(/invalid payload/);
    expect(service.status).not.toHaveBeenCalled();
    expect(service.deleteWaiting).not.toHaveBeenCalled();
  });
});
